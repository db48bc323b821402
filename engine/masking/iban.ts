// IBANs: a country code of the registry (or of the countries that issue
// IBANs outside it), two check digits (02..98), then exactly the country's
// length of letters and digits, mod-97 equal to 1. Upper or lower case;
// written solid or with one space after every four characters. A solid
// string standing on its own whose mod-97 holds is an IBAN at any length
// from 15 to 34 (matchLooseIbanAt): the check is what makes an IBAN, and
// generators and typists get the length wrong (a GB IBAN of 21 characters).
import { isAsciiAlnum, isAsciiLetter, isDigit, isNumberSpace } from './char-class.js';
import { isMaskedStarAt, isMaskedStarBefore } from './glue.js';
import { IBAN_LENGTH_BY_COUNTRY, IBAN_LENGTH_OUTSIDE_REGISTRY } from './iban-registry.js';
import { AUX_SCATTERED } from './span-sink.js';

// Country length indexed by (first letter * 26 + second letter), 0 = none.
const LENGTH_BY_CODE = new Uint8Array(26 * 26);
for (const table of [IBAN_LENGTH_BY_COUNTRY, IBAN_LENGTH_OUTSIDE_REGISTRY]) {
  for (const [country, length] of Object.entries(table)) {
    LENGTH_BY_CODE[(country.charCodeAt(0) - 65) * 26 + (country.charCodeAt(1) - 65)] = length;
  }
}

const LOOSE_MIN_LENGTH = 15;
const LOOSE_MAX_LENGTH = 34;

// Value of an ASCII character for mod-97: digits 0-9, letters of either case
// 10-35, anything else -1. One table load instead of three range tests.
const VALUE = new Int8Array(128).fill(-1);
for (let c = 48; c <= 57; c++) VALUE[c] = c - 48;
for (let c = 65; c <= 90; c++) {
  VALUE[c] = c - 55;
  VALUE[c + 32] = c - 55;
}

// The remainder is reduced only once it grows past 2^40: far below 2^53, so
// appending two more decimal digits stays exact, and most steps skip the `%`.
const REDUCE_ABOVE = 2 ** 40;

function letterIndex(c: number): number {
  return (c | 0x20) - 97; // ASCII letter of either case to 0..25
}

function valueOf(c: number): number {
  return c < 128 ? VALUE[c] : -1;
}

function mod97Step(rem: number, v: number): number {
  const next = v < 10 ? rem * 10 + v : rem * 100 + v;
  return next > REDUCE_ABOVE ? next % 97 : next;
}

/** Masking aux of the last IBAN matchIbanAt found (see SpanSink.aux). */
let foundAux = 0;

export function ibanMatchAux(): number {
  return foundAux;
}

export function ibanLengthOf(countryCode: string): number {
  return IBAN_LENGTH_BY_COUNTRY[countryCode.toUpperCase()] ?? 0;
}

/**
 * An IBAN whose first check digit is at `digitAt` (the country code is the
 * two letters before it). Returns the end of the IBAN, or -1.
 */
export function matchIbanAt(text: string, digitAt: number): number {
  const start = digitAt - 2;
  const a = text.charCodeAt(start);
  const b = text.charCodeAt(start + 1);
  if (!isAsciiLetter(a) || !isAsciiLetter(b)) return -1;
  const length = LENGTH_BY_CODE[letterIndex(a) * 26 + letterIndex(b)];
  if (length === 0) return -1;
  // Right after a masked value: the visible tail of one (`****DE89`), not an IBAN of its own.
  if (isMaskedStarBefore(text, start)) return -1;
  const d1 = text.charCodeAt(digitAt);
  const d2 = text.charCodeAt(digitAt + 1);
  if (!isDigit(d1) || !isDigit(d2)) return -1;
  const check = (d1 - 48) * 10 + (d2 - 48);
  if (check < 2 || check > 98) return -1;

  // BBAN first, then the country code and check digits moved to the end.
  const n = text.length;
  let pos = digitAt + 2;
  let count = 4;
  let rem = 0;
  let spaces = 0;
  let lastSpaceCount = 0; // characters before the last space
  while (count < length) {
    if (pos >= n) return -1;
    const c = text.charCodeAt(pos);
    const v = valueOf(c);
    if (v >= 0) {
      rem = mod97Step(rem, v);
      count++;
      pos++;
    } else if ((count & 3) === 0 && isNumberSpace(c) && pos + 1 < n && valueOf(text.charCodeAt(pos + 1)) >= 0) {
      pos++; // the optional space of the four-character grouping
      spaces++;
      lastSpaceCount = count;
    } else {
      return -1;
    }
  }
  rem = mod97Step(rem, VALUE[a]);
  rem = mod97Step(rem, VALUE[b]);
  rem = (rem % 97) * 100 + check; // both check digits at once, even `02`
  if (rem % 97 !== 1) return -1;
  foundAux = length - lastSpaceCount >= 4 ? spaces : AUX_SCATTERED;
  return pos;
}

/**
 * A solid IBAN of a known country at any length from 15 to 34, its first
 * check digit at `digitAt`: on its own (nothing alphanumeric right before
 * the country code or after the end) and mod-97 equal to 1. Returns the
 * end, or -1.
 */
export function matchLooseIbanAt(text: string, digitAt: number): number {
  const start = digitAt - 2;
  const a = text.charCodeAt(start);
  const b = text.charCodeAt(start + 1);
  if (!isAsciiLetter(a) || !isAsciiLetter(b)) return -1;
  if (LENGTH_BY_CODE[letterIndex(a) * 26 + letterIndex(b)] === 0) return -1;
  // On its own: not glued to letters, digits or a masked value (which stood for some).
  if (start > 0 && (isAsciiAlnum(text.charCodeAt(start - 1)) || isMaskedStarBefore(text, start))) return -1;
  const d1 = text.charCodeAt(digitAt);
  const d2 = text.charCodeAt(digitAt + 1);
  if (!isDigit(d1) || !isDigit(d2)) return -1;
  const check = (d1 - 48) * 10 + (d2 - 48);
  if (check < 2 || check > 98) return -1;
  const n = text.length;
  const limit = Math.min(n, start + LOOSE_MAX_LENGTH + 1);
  let pos = digitAt + 2;
  let rem = 0;
  while (pos < limit) {
    const c = text.charCodeAt(pos);
    if (c >= 128 || VALUE[c] < 0) break;
    rem = mod97Step(rem, VALUE[c]);
    pos++;
  }
  const length = pos - start;
  if (length < LOOSE_MIN_LENGTH || length > LOOSE_MAX_LENGTH) return -1;
  if (pos < n && (isAsciiAlnum(text.charCodeAt(pos)) || isMaskedStarAt(text, pos))) return -1;
  rem = mod97Step(rem, VALUE[a]);
  rem = mod97Step(rem, VALUE[b]);
  rem = (rem % 97) * 100 + check;
  if (rem % 97 !== 1) return -1;
  foundAux = 0; // solid: its last four characters are the kept ones
  return pos;
}

/** A compact or spaced IBAN as a whole string. */
export function isValidIban(s: string): boolean {
  if (s.length < 4) return false;
  return matchIbanAt(s, 2) === s.length;
}

/** Check digits (two characters) for a country code and BBAN. */
export function ibanCheckDigits(countryCode: string, bban: string): string {
  let rem = 0;
  const tail = `${bban}${countryCode}00`;
  for (let i = 0; i < tail.length; i++) rem = mod97Step(rem, valueOf(tail.charCodeAt(i)));
  return String(98 - (rem % 97)).padStart(2, '0');
}
