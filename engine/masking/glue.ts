// Numbers glued to their neighbours. A digit string stuck to letters or to
// other figures (`ABC4111111111111`, `X7-555-1234`, `v1.2`, the fraction of
// `0.250750683890174`, `1234,50`, `ref_0612345678`, `0612345678@...`) is an
// identifier, a version or an amount, not a phone or an SSN. It may still be
// a card: a glued number is read as a card only, so part numbers stay
// readable and a real card never leaks.
import {
  CODE_AT, CODE_COMMA, CODE_DASH, CODE_DOT, CODE_HASH, CODE_PLUS, CODE_SLASH, CODE_SPACE, CODE_STAR, CODE_UNDERSCORE,
  isDigit, isEmailLocalChar, isLetter, isWordChar,
} from './char-class.js';

const CODE_COLON = 58;

function isGlueChar(c: number): boolean {
  return c === CODE_UNDERSCORE || c === CODE_AT || isLetter(c);
}

/**
 * The `*` before `start` belongs to a masked value: a masked number's head
 * is at least three `*` (its value has seven digits or more and shows four),
 * and a `*` glued to a letter or digit is part of a word. A lone `*` is
 * markup (`*0612345678*`, bold in a chat).
 */
export function isMaskedStarBefore(text: string, start: number): boolean {
  if (start < 1 || text.charCodeAt(start - 1) !== CODE_STAR) return false;
  if (start < 2) return false;
  const b = text.charCodeAt(start - 2);
  return b === CODE_STAR || isWordChar(b);
}

/**
 * The `*` at `end` belongs to a masked value: more `*` or a word follow it
 * (`1***@a.bc`, the cut-off head of a masked address), not a lone closing `*`.
 */
export function isMaskedStarAt(text: string, end: number): boolean {
  if (end >= text.length || text.charCodeAt(end) !== CODE_STAR) return false;
  if (end + 1 >= text.length) return false;
  const a = text.charCodeAt(end + 1);
  return a === CODE_STAR || a === CODE_AT || isWordChar(a);
}

/**
 * Digits right after a phone's extension mark (`4567#12`, `4567 ext. 12`,
 * `4567x12`, also in the masked form `**7ext.12`): the extension, not a
 * number of its own.
 */
export function isAfterExtensionMark(text: string, start: number): boolean {
  let p = start - 1;
  if (p >= 0 && text.charCodeAt(p) === CODE_SPACE) p--;
  if (p < 0) return false;
  const c = text.charCodeAt(p);
  if ((c | 0x20) === 0x78) return p > 0 && isDigit(text.charCodeAt(p - 1)); // `4567x12`
  if (c === CODE_HASH) return p > 0 && (isDigit(text.charCodeAt(p - 1)) || text.charCodeAt(p - 1) === CODE_SPACE && p > 1 && isDigit(text.charCodeAt(p - 2)));
  if (c === CODE_DOT || c === CODE_COLON) p--;
  if (p < 2 || (text.charCodeAt(p) | 0x20) !== 0x74 || (text.charCodeAt(p - 1) | 0x20) !== 0x78 ||
    (text.charCodeAt(p - 2) | 0x20) !== 0x65) {
    return false;
  }
  p -= 3; // before `ext`
  if (p >= 0 && text.charCodeAt(p) === CODE_SPACE) p--;
  return p >= 0 && isDigit(text.charCodeAt(p));
}

/** The reading starting at `start` is glued to what precedes it. */
export function isGluedBefore(text: string, start: number): boolean {
  if (start === 0) return false;
  const c = text.charCodeAt(start - 1);
  if (c === CODE_PLUS || isGlueChar(c)) return true;
  if (c === CODE_STAR) return isMaskedStarBefore(text, start);
  // After `#`, `ext.`, `ext:`, `ext` or a space there may be an extension mark.
  if ((c === CODE_SPACE || c === CODE_HASH || c === CODE_DOT || c === CODE_COLON || (c | 0x20) === 0x74) &&
    isAfterExtensionMark(text, start)) {
    return true;
  }
  if (start < 2) return false;
  const b = text.charCodeAt(start - 2);
  // `Tel.0612345678` is an abbreviation before a number; `1.5` and `2,50` are figures.
  if (c === CODE_DOT || c === CODE_COMMA) return isDigit(b) || b === CODE_STAR;
  if (c === CODE_DASH || c === CODE_SLASH) return isWordChar(b) || b === CODE_STAR;
  return false;
}

/**
 * A masked address's local part starts at `p`: `*` up to its `@` (what is
 * left of `1111melissa@gmail.com` after its first character, `1***@...`).
 */
export function isMaskedLocalAt(text: string, p: number): boolean {
  const limit = Math.min(text.length, p + 65);
  let q = p;
  while (q < limit && text.charCodeAt(q) === CODE_STAR) q++;
  return q > p && q < text.length && text.charCodeAt(q) === CODE_AT;
}

/** The reading ending at `end` is glued to what follows it. */
export function isGluedAfter(text: string, end: number): boolean {
  if (end >= text.length) return false;
  const c = text.charCodeAt(end);
  if (isGlueChar(c)) return true;
  if (c === CODE_STAR) return isMaskedStarAt(text, end);
  // `1111+44 7966 197542`: another number starts right there.
  if (c === CODE_PLUS) return end + 1 < text.length && isDigit(text.charCodeAt(end + 1));
  if (end + 1 >= text.length) return false;
  const a = text.charCodeAt(end + 1);
  // A sentence may end on a number with no space after its full stop. A `*`
  // is the masked form of what was glued there before masking.
  if (c === CODE_DOT || c === CODE_COMMA) return isDigit(a) || a === CODE_STAR;
  if (c === CODE_DASH || c === CODE_SLASH) return isWordChar(a) || a === CODE_STAR;
  return false;
}

/**
 * Digits right after `<digit>.` or `<digit>,` are the fraction of a decimal
 * (`0.250750683890174`, `93,4613601823830`): never sensitive, not even a card.
 */
export function isFraction(text: string, start: number): boolean {
  if (start < 2) return false;
  const c = text.charCodeAt(start - 1);
  return (c === CODE_DOT || c === CODE_COMMA) && isDigit(text.charCodeAt(start - 2));
}
