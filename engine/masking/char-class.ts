// Character classes of the scanner. Anything outside ASCII goes through a
// slow Unicode test, taken only next to a candidate, never while skipping.

export const CODE_0 = 48;
export const CODE_9 = 57;
export const CODE_PLUS = 43;
export const CODE_OPEN = 40;
export const CODE_CLOSE = 41;
export const CODE_DASH = 45;
export const CODE_DOT = 46;
export const CODE_SPACE = 32;
export const CODE_AT = 64;
export const CODE_STAR = 42;
export const CODE_UNDERSCORE = 95;
export const CODE_SLASH = 47;
export const CODE_COMMA = 44;
export const CODE_HASH = 35;
export const CODE_NBSP = 0xa0;
export const CODE_THIN_SPACE = 0x2009;
export const CODE_NARROW_NBSP = 0x202f;

const UNICODE_WORD = /[\p{L}\p{N}\p{M}]/u;
const UNICODE_LETTER = /[\p{L}\p{M}]/u;

function isSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdfff;
}

export function isDigit(c: number): boolean {
  return c >= CODE_0 && c <= CODE_9;
}

export function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

export function isAsciiAlnum(c: number): boolean {
  return isDigit(c) || isAsciiLetter(c);
}

/** Latin-1 Supplement and Latin Extended-A and -B letters (`ä`, `č`, `ø`, `ł`): all but `×` and `÷`. */
function isLatinLetter(c: number): boolean {
  return c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7;
}

/** Letters and digits of any script (one UTF-16 unit; surrogates are not). */
export function isWordChar(c: number): boolean {
  if (c < 128) return isAsciiAlnum(c);
  if (isLatinLetter(c)) return true;
  return !isSurrogate(c) && UNICODE_WORD.test(String.fromCharCode(c));
}

export function isLetter(c: number): boolean {
  if (c < 128) return isAsciiLetter(c);
  if (isLatinLetter(c)) return true;
  return !isSurrogate(c) && UNICODE_LETTER.test(String.fromCharCode(c));
}

/** Spaces allowed inside a written number: space and the no-break spaces. */
export function isNumberSpace(c: number): boolean {
  return c === CODE_SPACE || c === CODE_NBSP || c === CODE_NARROW_NBSP || c === CODE_THIN_SPACE;
}

/** Whitespace dropped by the masking format. */
export function isWhitespace(c: number): boolean {
  if (c > CODE_SPACE) return c >= CODE_NBSP && (c === CODE_NBSP || c === CODE_NARROW_NBSP || c === CODE_THIN_SPACE);
  return c === CODE_SPACE || c === 9 || c === 10 || c === 13;
}

// Email local part: letters, digits and .!#$%&'+/=?^_{|}~- . The RFC also
// allows `*`, left out on purpose: masked output is full of `*`, and a local
// part running into a masked span must not read as a new address.
const LOCAL_ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) if (isAsciiAlnum(c)) LOCAL_ASCII[c] = 1;
for (const ch of ".!#$%&'+/=?^_{|}~-") LOCAL_ASCII[ch.charCodeAt(0)] = 1;

export function isEmailLocalChar(c: number): boolean {
  if (c < 128) return LOCAL_ASCII[c] === 1;
  return isWordChar(c);
}

export function isEmailDomainChar(c: number): boolean {
  if (c < 128) return isAsciiAlnum(c) || c === CODE_DASH || c === CODE_DOT;
  return isWordChar(c);
}
