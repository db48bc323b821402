// National identity numbers written with letters, read as kind `ssn`:
//   UK National Insurance number `AB123456C`, `AB 12 34 56 C`: two prefix
//     letters of the issued set and a suffix A-D; any two letters and any
//     suffix letter (HMRC's `ZZ`, test numbers) only after an id word
//   Spanish DNI `12345678Z`, `12345678-Z` and NIE `X1234567L`: the mod 23 letter
//   Italian codice fiscale `RSSMRA85T10A562S`: its check letter; the bare
//     pattern (6 letters, 2 digits, a letter, 2 digits, a letter, 3 digits,
//     a letter; digits may be letters L-V) only after an id word
//   Finnish HETU `131052-308T`, `130719A268K`: date, century sign, the
//     mod 31 check character
//   Irish PPS number `1234567T`, `1234567TW`: the mod 23 letter
// Upper case only (the NINO, DNI and PPS letters), or either case for the
// codice fiscale; on its own: nothing alphanumeric glued on either side.
import { CODE_AT, CODE_DASH, CODE_PLUS, CODE_SPACE, CODE_UNDERSCORE, isAsciiLetter, isDigit, isWordChar } from './char-class.js';
import { isMaskedStarAt, isMaskedStarBefore } from './glue.js';
import { ID_CUE_ID, ID_CUE_ORDER, idCueBefore } from './id-cue.js';
import { dniCheckLetter, hetuCheckChar, isHetuBody, ppsCheckLetter } from './national-id-checks.js';
import type { NumberRun } from './number-run.js';

const D = new Uint8Array(16);

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** Nothing that would make text[start, ...) part of a longer word or code. */
function standsBefore(text: string, start: number): boolean {
  if (start === 0) return true;
  const c = text.charCodeAt(start - 1);
  if (isWordChar(c) || c === CODE_AT || c === CODE_UNDERSCORE || c === CODE_PLUS) return false;
  if (c === 42) return !isMaskedStarBefore(text, start);
  if ((c === CODE_DASH || c === 47 || c === 46) && start >= 2) return !isWordChar(text.charCodeAt(start - 2));
  return true;
}

function standsAfter(text: string, end: number): boolean {
  if (end >= text.length) return true;
  const c = text.charCodeAt(end);
  if (isWordChar(c) || c === CODE_AT || c === CODE_UNDERSCORE) return false;
  if (c === 42) return !isMaskedStarAt(text, end);
  if ((c === CODE_DASH || c === 47 || c === 46) && end + 1 < text.length) return !isWordChar(text.charCodeAt(end + 1));
  return true;
}

/** Start of the last span found (its end is the return value). */
let foundStart = 0;

export function letteredIdStart(): number {
  return foundStart;
}

/** Cheap test: could the run at run.start be part of a lettered id at all? */
export function mayBeLetteredId(text: string, run: NumberRun): boolean {
  const digits = run.digitCount;
  // NINO 6, NIE and PPS 7, DNI 8, HETU 6 or 6-3; a codice fiscale's run of
  // two digits (one when a homonym's digit is a letter), six letters before.
  if (digits > 9 || (digits > 2 && digits < 6) || run.leadPlus || run.groupCount > 3) return false;
  const start = run.groupStart[0];
  // `(170818A3733)`: a run opened by a bracket starts at it.
  if (start !== run.start && !(start === run.start + 1 && text.charCodeAt(run.start) === 40)) return false;
  if (digits <= 2) {
    if (start < 6) return false;
    for (let p = start - 1; p >= start - 6; p--) if (!isAsciiLetter(text.charCodeAt(p))) return false;
    return true;
  }
  const end = run.end;
  if (start > 0) {
    const b = text.charCodeAt(start - 1);
    if (isAsciiLetter(b)) return true;
    if (b === CODE_SPACE && start >= 3 && isUpper(text.charCodeAt(start - 2)) && isUpper(text.charCodeAt(start - 3))) return true;
  }
  if (end >= text.length) return false;
  const a = text.charCodeAt(end);
  if (isUpper(a)) return true;
  return (a === CODE_DASH || a === CODE_SPACE) && end + 1 < text.length && isUpper(text.charCodeAt(end + 1)) ||
    (a === CODE_PLUS && digits === 6);
}

function accept(text: string, start: number, checked: boolean): boolean {
  const cue = idCueBefore(text, start);
  return cue === ID_CUE_ID || (checked && cue !== ID_CUE_ORDER);
}

// NINO prefix letters: first not D F I Q U V, second not D F I O Q U V, and
// never BG GB KN NK NT TN ZZ.
const NINO_FIRST_BAD = 'DFIQUV';
const NINO_SECOND_BAD = 'DFIOQUV';
const NINO_BAD_PAIRS = ['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'];

function isIssuedNinoPrefix(a: number, b: number): boolean {
  if (NINO_FIRST_BAD.includes(String.fromCharCode(a)) || NINO_SECOND_BAD.includes(String.fromCharCode(b))) return false;
  return !NINO_BAD_PAIRS.includes(String.fromCharCode(a, b));
}

function matchNino(text: string, run: NumberRun): number {
  if (run.digitCount !== 6) return -1;
  const first = run.groupStart[0];
  let start: number;
  if (first >= 2 && isUpper(text.charCodeAt(first - 1)) && isUpper(text.charCodeAt(first - 2))) start = first - 2;
  else if (first >= 3 && text.charCodeAt(first - 1) === CODE_SPACE && isUpper(text.charCodeAt(first - 2)) &&
    isUpper(text.charCodeAt(first - 3))) start = first - 3;
  else return -1;
  // `123456` or `12 34 56`, spaces only.
  if (run.groupCount === 3) {
    for (let k = 1; k < 3; k++) if (run.sepLength[k] !== 1 || text.charCodeAt(run.groupStart[k] - 1) !== CODE_SPACE) return -1;
    if (run.groupEnd[0] - first !== 2 || run.groupEnd[1] - run.groupStart[1] !== 2) return -1;
  } else if (run.groupCount !== 1) {
    return -1;
  }
  let p = run.end;
  if (p < text.length && text.charCodeAt(p) === CODE_SPACE) p++;
  if (p >= text.length || !isUpper(text.charCodeAt(p))) return -1;
  const suffix = text.charCodeAt(p);
  const end = p + 1;
  if (!standsBefore(text, start) || !standsAfter(text, end)) return -1;
  const a = text.charCodeAt(start);
  const b = text.charCodeAt(start + 1);
  const checked = suffix >= 65 && suffix <= 68 && isIssuedNinoPrefix(a, b);
  if (!accept(text, start, checked)) return -1;
  foundStart = start;
  return end;
}

function solidDigits(text: string, from: number, count: number): boolean {
  for (let k = 0; k < count; k++) {
    const c = text.charCodeAt(from + k);
    if (!isDigit(c)) return false;
    D[k] = c - 48;
  }
  return true;
}

/** DNI `12345678Z` / `12345678-Z`, NIE `X1234567L`. */
function matchDniOrNie(text: string, run: NumberRun): number {
  if (run.groupCount !== 1) return -1;
  const first = run.groupStart[0];
  const digits = run.digitCount;
  let start = first;
  let prefix = -1;
  if (digits === 7 && first >= 1) {
    prefix = 'XYZ'.indexOf(text[first - 1]);
    if (prefix < 0) return -1;
    start = first - 1;
  } else if (digits !== 8) {
    return -1;
  }
  let p = run.end;
  if (p < text.length && text.charCodeAt(p) === CODE_DASH) p++;
  if (p >= text.length || !isUpper(text.charCodeAt(p))) return -1;
  const end = p + 1;
  if (!standsBefore(text, start) || !standsAfter(text, end)) return -1;
  let n = prefix < 0 ? 0 : prefix;
  for (let q = first; q < run.end; q++) n = n * 10 + (text.charCodeAt(q) - 48);
  if (dniCheckLetter(n) !== text.charCodeAt(p) || !accept(text, start, true)) return -1;
  foundStart = start;
  return end;
}

/** Irish PPS `1234567T`, `1234567TW` (second letter A-I or W). */
function matchPps(text: string, run: NumberRun): number {
  if (run.groupCount !== 1 || run.digitCount !== 7) return -1;
  const first = run.groupStart[0];
  const p = run.end;
  if (p >= text.length || !isUpper(text.charCodeAt(p))) return -1;
  let end = p + 1;
  let second = 0;
  if (end < text.length && isUpper(text.charCodeAt(end))) {
    const c = text.charCodeAt(end);
    if (c === 87) second = 0; // W
    else if (c >= 65 && c <= 73) second = c - 64;
    else return -1;
    end++;
  }
  if (!standsBefore(text, first) || !standsAfter(text, end)) return -1;
  solidDigits(text, first, 7);
  if (ppsCheckLetter(D, second) !== text.charCodeAt(p) || !accept(text, first, true)) return -1;
  foundStart = first;
  return end;
}

function isHetuSign(c: number): boolean {
  return c === CODE_DASH || c === CODE_PLUS || (c >= 65 && c <= 70) || (c >= 85 && c <= 89); // - + A-F U-Y
}

/** HETU `DDMMYY` + sign + `NNN` + check character (a letter here: a digit check is a number run's). */
function matchHetu(text: string, run: NumberRun): number {
  const first = run.groupStart[0];
  if (run.groupEnd[0] - first !== 6) return -1;
  const sign = first + 6;
  if (sign + 5 > text.length || !isHetuSign(text.charCodeAt(sign))) return -1;
  if (!solidDigits(text, first, 6) || !isDigit(text.charCodeAt(sign + 1))) return -1;
  for (let k = 0; k < 3; k++) {
    const c = text.charCodeAt(sign + 1 + k);
    if (!isDigit(c)) return -1;
    D[6 + k] = c - 48;
  }
  const check = text.charCodeAt(sign + 4);
  const end = sign + 5;
  if (!isHetuBody(D) || hetuCheckChar(D) !== check) return -1;
  if (!standsBefore(text, first) || !standsAfter(text, end) || !accept(text, first, true)) return -1;
  foundStart = first;
  return end;
}

const CF_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
// Positions of a codice fiscale that hold digits (or, for homonyms, letters L-V).
const CF_DIGIT_AT = [0, 0, 0, 0, 0, 0, 1, 1, 0, 1, 1, 0, 1, 1, 1, 0];
const CF_LENGTH = 16;

function upper(c: number): number {
  return c >= 97 && c <= 122 ? c - 32 : c;
}

/** Codice fiscale around the run: 16 characters starting with six letters. */
function matchCodiceFiscale(text: string, run: NumberRun): number {
  const first = run.groupStart[0];
  let start = first;
  while (start > 0 && first - start < CF_LENGTH && isAsciiLetter(text.charCodeAt(start - 1))) start--;
  if (first - start < 6) return -1;
  // A longer run of letters: the code starts six (or up to eight, homonym digits) letters back.
  const end = start + CF_LENGTH;
  if (end > text.length) return -1;
  if (!standsBefore(text, start) || !standsAfter(text, end)) return -1;
  let sum = 0;
  for (let k = 0; k < CF_LENGTH; k++) {
    const c = upper(text.charCodeAt(start + k));
    const digit = isDigit(c);
    if (!digit && !isUpper(c)) return -1;
    if (CF_DIGIT_AT[k] === 1) {
      if (!digit && !(c >= 76 && c <= 86 && c !== 79 && c !== 85)) return -1; // L M N P Q R S T U V, no O
    } else if (digit) {
      return -1;
    }
    if (k < 15) {
      const v = digit ? c - 48 : c - 65;
      sum += k % 2 === 0 ? CF_ODD[v] : v;
    }
  }
  const checked = 65 + (sum % 26) === upper(text.charCodeAt(start + 15));
  if (!accept(text, start, checked)) return -1;
  foundStart = start;
  return end;
}

/**
 * End of a lettered national id that the run at run.start is part of, or
 * -1; letteredIdStart() then tells where it starts (at or before the run).
 */
export function matchLetteredIdAt(text: string, run: NumberRun): number {
  const first = run.groupStart[0];
  const before = first > 0 ? text.charCodeAt(first - 1) : 0;
  if (isAsciiLetter(before)) {
    if (before === 88 || before === 89 || before === 90) { // X Y Z: an NIE
      const nie = matchDniOrNie(text, run);
      if (nie >= 0) return nie;
    }
    const nino = matchNino(text, run);
    if (nino >= 0) return nino;
    return matchCodiceFiscale(text, run);
  }
  if (before === CODE_SPACE) {
    const nino = matchNino(text, run);
    if (nino >= 0) return nino;
  }
  switch (run.digitCount) {
    case 6:
      return matchHetu(text, run);
    case 7:
      return matchPps(text, run);
    case 8:
      return matchDniOrNie(text, run);
    case 9:
      return run.groupCount === 2 ? matchHetu(text, run) : -1;
    default:
      return -1;
  }
}
