// The masking formats of the seed guides:
//   `+ 1 (123) 456 7890` -> `**********7890`, `+447966197542` -> `*********7542`,
//   `melissa@gmail.com` -> `m******@gmail.com`.
// Numbers (phones, cards, SSNs, IBANs) lose their whitespace, then every
// character but the last four digits (letters or digits for an IBAN) becomes
// `*`. An email keeps the first character of its local part and its domain.
import { isAsciiAlnum, isDigit, isWhitespace } from './char-class.js';
import { KIND_EMAIL, KIND_IBAN } from './span-sink.js';

const KEPT_CHARACTERS = 4;

function maskEmail(text: string, start: number, end: number): string {
  const at = text.indexOf('@', start);
  return text[start] + '*'.repeat(at - start - 1) + text.slice(at, end);
}

function maskNumber(text: string, start: number, end: number, keepLetters: boolean): string {
  // Find where the last four kept characters begin.
  let kept = 0;
  let tailStart = end;
  while (tailStart > start && kept < KEPT_CHARACTERS) {
    tailStart--;
    const c = text.charCodeAt(tailStart);
    if (isDigit(c) || (keepLetters && isAsciiAlnum(c))) kept++;
  }
  let stars = 0;
  for (let k = start; k < tailStart; k++) if (!isWhitespace(text.charCodeAt(k))) stars++;
  let tail = '';
  for (let k = tailStart; k < end; k++) {
    const c = text.charCodeAt(k);
    if (isWhitespace(c)) continue;
    tail += isDigit(c) || (keepLetters && isAsciiAlnum(c)) ? text[k] : '*';
  }
  return '*'.repeat(stars) + tail;
}

/** The masked form of text[start, end) holding a span of this kind code. */
export function maskSpanText(text: string, start: number, end: number, kind: number): string {
  if (kind === KIND_EMAIL) return maskEmail(text, start, end);
  return maskNumber(text, start, end, kind === KIND_IBAN);
}

