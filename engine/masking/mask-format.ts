// The masking formats of the seed guides:
//   `+ 1 (123) 456 7890` -> `**********7890`, `+447966197542` -> `*********7542`,
//   `melissa@gmail.com` -> `m******@gmail.com`.
// Numbers (phones, cards, SSNs, IBANs) lose their whitespace; every character
// before the last four digits (letters or digits for an IBAN) becomes `*`,
// and from the first of those four on the value shows as written, its
// separators kept: `3748-2090-8875-890` -> `*************5-890`,
// `+1-903-140-4508x769` -> `**************8x769`. An email keeps the first
// character of its local part and its domain.
import { isAsciiAlnum, isDigit, isWhitespace } from './char-class.js';
import { AUX_SCATTERED, KIND_EMAIL, KIND_IBAN, KIND_SSN } from './span-sink.js';

const KEPT_CHARACTERS = 4;

// Star runs up to a typical value's length, built once.
const STARS: string[] = [];
for (let n = 0, s = ''; n <= 64; n++, s += '*') STARS.push(s);

function stars(n: number): string {
  return n < STARS.length ? STARS[n] : '*'.repeat(n);
}

function maskEmail(text: string, start: number, end: number): string {
  const at = text.indexOf('@', start);
  return text[start] + stars(at - start - 1) + text.slice(at, end);
}

function isKept(c: number, keepLetters: boolean): boolean {
  return isDigit(c) || (keepLetters && isAsciiAlnum(c));
}

function maskNumber(text: string, start: number, end: number, keepLetters: boolean): string {
  // Most values end in four kept characters in a row: `...7890`.
  const tailStart = end - KEPT_CHARACTERS;
  if (tailStart >= start && isKept(text.charCodeAt(tailStart), keepLetters) &&
    isKept(text.charCodeAt(tailStart + 1), keepLetters) && isKept(text.charCodeAt(tailStart + 2), keepLetters) &&
    isKept(text.charCodeAt(tailStart + 3), keepLetters)) {
    let masked = 0;
    for (let k = start; k < tailStart; k++) if (!isWhitespace(text.charCodeAt(k))) masked++;
    return stars(masked) + text.slice(tailStart, end);
  }
  return maskScatteredTail(text, start, end, keepLetters);
}

function maskScatteredTail(text: string, start: number, end: number, keepLetters: boolean): string {
  // Find where the last four kept characters begin.
  let kept = 0;
  let tailStart = end;
  while (tailStart > start && kept < KEPT_CHARACTERS) {
    tailStart--;
    if (isKept(text.charCodeAt(tailStart), keepLetters)) kept++;
  }
  let masked = 0;
  for (let k = start; k < tailStart; k++) if (!isWhitespace(text.charCodeAt(k))) masked++;
  let tail = '';
  let from = tailStart;
  for (let k = tailStart; k < end; k++) {
    if (!isWhitespace(text.charCodeAt(k))) continue;
    tail += text.slice(from, k);
    from = k + 1;
  }
  return stars(masked) + tail + text.slice(from, end);
}

/** Where the kept original text of the last maskedHead() span starts. */
let keptFrom = 0;

export function maskedHeadKeptFrom(): number {
  return keptFrom;
}

/**
 * The masked form of the head of text[start, end): the caller copies the
 * original text from maskedHeadKeptFrom() on, so the kept tail (last four
 * digits, an email's domain) is never sliced and joined on its own. For an
 * email the kept first character is left for the caller too: the head then
 * starts at start + 1.
 */
export function maskedHead(text: string, start: number, end: number, kind: number, aux: number): string {
  if (kind === KIND_EMAIL) {
    keptFrom = aux;
    return stars(aux - start - 1);
  }
  if (aux !== AUX_SCATTERED) {
    // The last four characters are the kept ones: mask the rest, minus its spaces.
    keptFrom = end - KEPT_CHARACTERS;
    return stars(end - KEPT_CHARACTERS - start - aux);
  }
  keptFrom = end;
  return maskScatteredTail(text, start, end, keepsLetters(kind));
}

/** IBANs and national ids (`AB123456C`) show their last four letters or digits; other numbers digits only. */
function keepsLetters(kind: number): boolean {
  return kind === KIND_IBAN || kind === KIND_SSN;
}

/** The masking aux (SpanSink.aux) of a span whose last four letters or digits are kept. */
export function alnumTailAux(text: string, start: number, end: number): number {
  if (end - start < KEPT_CHARACTERS) return AUX_SCATTERED;
  for (let p = end - KEPT_CHARACTERS; p < end; p++) if (!isAsciiAlnum(text.charCodeAt(p))) return AUX_SCATTERED;
  let spaces = 0;
  for (let p = start; p < end - KEPT_CHARACTERS; p++) if (isWhitespace(text.charCodeAt(p))) spaces++;
  return spaces;
}

/** The masked form of text[start, end) holding a span of this kind code. */
export function maskSpanText(text: string, start: number, end: number, kind: number): string {
  if (kind === KIND_EMAIL) return maskEmail(text, start, end);
  return maskNumber(text, start, end, keepsLetters(kind));
}

