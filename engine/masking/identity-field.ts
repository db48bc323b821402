// Identity fields: the customer's name, number and id and a channel asset's
// label, as agents see them. The text detectors read free text and leave a
// bare digit string alone (`5551234567` may be an order number, phone.ts);
// a field whose meaning is known needs no such caution: the customer's number,
// or an id that is one (WhatsApp and SMS customers are known by their
// number), is a phone number whatever its format. So, by field:
// - a value of digits and separators only (spaces, - . / ( ) + and other
//   dashes) is masked as a phone number whatever its length or grouping:
//   `16315550142` -> `*******0142`, the text masker's phone format
//   (mask-format.ts). A value with fewer digits than a phone number has
//   (PHONE_MIN_DIGITS), or digits of another script, keeps none: four kept
//   digits would show most or all of it.
// - an address (`local@domain` as a whole) is masked by the email rule, its
//   first character and its domain kept: `melissa@gmail.com` ->
//   `m******@gmail.com`; a local part that is a number is masked as one:
//   `16315550142@s.whatsapp.net` -> `*******0142@s.whatsapp.net`.
// - any other value goes through the text detectors (`maskText`, the
//   tenant's masker), like message text.
import { CODE_CLOSE, CODE_DASH, CODE_DOT, CODE_OPEN, CODE_PLUS, CODE_SLASH, isDigit, isWhitespace } from './char-class.js';
import { matchEmailDomain } from './email.js';
import { maskText as detectAndMask, maskValue } from './mask-text.js';
import { PHONE_MIN_DIGITS } from './phone.js';

export type FieldTextMasker = (text: string) => string;

const UNICODE_DIGIT = /\p{Nd}/u;
const UNICODE_SEPARATOR = /[\s\p{Pd}]/u;
const UNICODE_SPACE = /\s/u;

function isAnyDigit(c: number): boolean {
  return isDigit(c) || (c >= 128 && UNICODE_DIGIT.test(String.fromCharCode(c)));
}

function isSeparator(c: number): boolean {
  if (c === CODE_DASH || c === CODE_DOT || c === CODE_SLASH || c === CODE_OPEN || c === CODE_CLOSE || c === CODE_PLUS) return true;
  if (isWhitespace(c)) return true;
  return c >= 128 && UNICODE_SEPARATOR.test(String.fromCharCode(c));
}

/** Digits in text[start, end) when it holds only digits and separators, at least one digit; else -1. */
function digitsOfNumber(text: string, start: number, end: number): number {
  let digits = 0;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (isAnyDigit(c)) digits++;
    else if (!isSeparator(c)) return -1;
  }
  return digits > 0 ? digits : -1;
}

/** True when the value is written with digits and separators only (and has a digit): a phone number, as an identity field. */
export function isNumberValue(value: string): boolean {
  return digitsOfNumber(value, 0, value.length) > 0;
}

function maskNumberValue(value: string, digits: number): string {
  // The phone format keeps the last four ASCII digits; a value with digits of
  // another script would keep earlier ones: it keeps none, as a short one.
  if (digits >= PHONE_MIN_DIGITS && asciiDigits(value) === digits) return maskValue(value, 'phone');
  let masked = 0;
  for (let k = 0; k < value.length; k++) if (!isWhitespace(value.charCodeAt(k))) masked++;
  return '*'.repeat(masked);
}

function asciiDigits(value: string): number {
  let n = 0;
  for (let k = 0; k < value.length; k++) if (isDigit(value.charCodeAt(k))) n++;
  return n;
}

/**
 * Index of the `@` of a value that is an address as a whole: one `@`, a
 * local part without whitespace, and a domain as the text detector reads
 * one (email.ts: a dot, a top-level label of letters). Else -1.
 */
function addressAt(value: string): number {
  const at = value.indexOf('@');
  if (at <= 0 || value.indexOf('@', at + 1) >= 0) return -1;
  for (let k = 0; k < at; k++) {
    const c = value.charCodeAt(k);
    if (isWhitespace(c) || (c >= 128 && UNICODE_SPACE.test(value[k]!))) return -1;
  }
  return matchEmailDomain(value, at, false) === value.length ? at : -1;
}

/**
 * The agent-facing form of an identity field: a number masked as a phone
 * number, an address by the email rule, anything else by `maskText` (the
 * text detectors by default). Call it only when the tenant masks.
 */
export function maskIdentityField(value: string, maskText: FieldTextMasker = detectAndMask): string {
  const digits = digitsOfNumber(value, 0, value.length);
  if (digits > 0) return maskNumberValue(value, digits);
  const at = addressAt(value);
  if (at > 0) {
    const localDigits = digitsOfNumber(value, 0, at);
    if (localDigits > 0) return maskNumberValue(value.slice(0, at), localDigits) + value.slice(at);
    return maskValue(value, 'email');
  }
  return maskText(value);
}
