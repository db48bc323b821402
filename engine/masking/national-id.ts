// National identity numbers written with digits only, read as kind `ssn`
// ("SSN and national ids"): a whole number run whose grouping is the
// country's written form and whose check digits hold (national-id-checks.ts).
// The forms, by digits and grouping (docs/masking.md has the table):
//   9   solid: Dutch BSN, Portuguese NIF, Canadian SIN, an old Czech birth
//       number
//   9   `YYMMDD/SSS`: Czech or Slovak birth number before 1954 (no check:
//       after an id word)
//   10  solid or `YYMMDD-NNNN`, `YYMMDD/NNNN`: Swedish personnummer, Danish
//       CPR, Czech/Slovak birth number, Finnish HETU with a digit check;
//       `NNNN DDMMYY`: Austrian social insurance number
//   11  solid: Norwegian fødselsnummer, Polish PESEL, Brazilian CPF, German
//       Steuer-ID, Belgian national number, Estonian/Lithuanian code,
//       Croatian OIB; `DDMMYY NNNNN` (Norway); `NNN.NNN.NNN-NN` (CPF);
//       `NN NNN NNN NNN` (Steuer-ID); `YY.MM.DD-NNN.NN` (Belgium)
//   12  `YYYYMMDD-NNNN` or solid: Swedish personnummer with the century
//   13  solid: Romanian CNP; `756.NNNN.NNNN.NN`: Swiss AHV number
//   15  solid or `S YY MM DD DDD NNN KK`: French NIR
// Solid forms of 9 to 13 digits are ids only after an id word (`NIF
// 816222908`, `PESEL 85051200123`): alone, as many phone, order and error
// numbers pass a one-digit check; a bare 9 to 12 digits still reads as a
// phone number when no order word precedes it (phone.ts).
import { isGluedAfter, isGluedBefore } from './glue.js';
import { ID_CUE_ID, ID_CUE_ORDER, idCueBefore, mayHaveIdWordBefore } from './id-cue.js';
import {
  isAustrianSvnr, isBalticPersonalCode, isBelgianNationalNumber, isBsn, isCanadianSin, isCpf, isCzechBirthNumber,
  isDanishCpr, isDanishCprDate, isFrenchNir, hetuCheckChar, isHetuBody, isNorwegianFodselsnummer, isOib, isPesel,
  isPortugueseNif, isRomanianCnp, isSteuerId, isSwedishPersonnummer, isSwissAhv,
} from './national-id-checks.js';
import { SEP_DASH, SEP_DOT, SEP_SLASH, SEP_SPACE, type NumberRun } from './number-run.js';

const MAX_DIGITS = 15;
const D = new Uint8Array(MAX_DIGITS + 1);

/** Whether a form holds by itself (its checks), or needs an id word before it. */
const CHECKED = 1;
const NEEDS_ID_WORD = 2;

function collect(run: NumberRun, g: number, h: number): number {
  const text = run.text;
  let len = 0;
  for (let k = g; k <= h; k++) {
    for (let p = run.groupStart[k]; p < run.groupEnd[k]; p++) {
      if (len === MAX_DIGITS) return -1;
      D[len++] = text.charCodeAt(p) - 48;
    }
  }
  return len;
}

/** Group lengths of g..h as one number, a digit per group (`6-4` -> 64); -1 past nine groups or a group over 9. */
function lengthsOf(run: NumberRun, g: number, h: number): number {
  if (h - g >= 9) return -1;
  let v = 0;
  for (let k = g; k <= h; k++) {
    const len = run.groupEnd[k] - run.groupStart[k];
    if (len > 9) return -1;
    v = v * 10 + len;
  }
  return v;
}

/** Every separator between g..h is exactly this one character. */
function sepsAre(run: NumberRun, g: number, h: number, flag: number): boolean {
  for (let k = g + 1; k <= h; k++) if (run.sepLength[k] !== 1 || run.sepFlags[k] !== flag) return false;
  return true;
}

function sepIs(run: NumberRun, k: number, flag: number): boolean {
  return run.sepLength[k] === 1 && run.sepFlags[k] === flag;
}

/** What the solid digits (one group) of this length may be. */
function solidForm(len: number): number {
  switch (len) {
    case 9:
      if (isBsn(D) || isPortugueseNif(D) || isCanadianSin(D)) return CHECKED;
      return isCzechBirthNumber(D, 9) ? NEEDS_ID_WORD : 0;
    case 10:
      if (isSwedishPersonnummer(D, 0) || isCzechBirthNumber(D, 10) || isDanishCpr(D) || isAustrianSvnr(D)) return CHECKED;
      return isDanishCprDate(D) ? NEEDS_ID_WORD : 0;
    case 11:
      return isNorwegianFodselsnummer(D) || isPesel(D) || isCpf(D) || isSteuerId(D) || isBelgianNationalNumber(D) ||
        isBalticPersonalCode(D) || isOib(D) ? CHECKED : 0;
    case 12:
      return isSwedishPersonnummer(D, 2) && (D[0] === 1 || D[0] === 2) ? CHECKED : 0;
    case 13:
      return isRomanianCnp(D) ? CHECKED : 0;
    case 15:
      return isFrenchNir(D) ? CHECKED : 0;
    default:
      return 0;
  }
}

/** A Finnish HETU ending in a digit check: `DDMMYY-NNNC`. */
function isDigitHetu(): boolean {
  return isHetuBody(D) && hetuCheckChar(D) === 48 + D[9];
}

/** Group lengths (lengthsOf) that some id is written in: a first look before any digit is read. */
function isIdLayout(lengths: number): boolean {
  switch (lengths) {
    case 63: case 64: case 46: case 65: case 3332: case 2333: case 22232: case 84: case 3442: case 1222332: case 333:
      return true;
    default:
      return false;
  }
}

/** What groups g..h (two or more) may be, by their grouping and separators. */
function groupedForm(run: NumberRun, g: number, h: number): number {
  const lengths = lengthsOf(run, g, h);
  switch (lengths) {
    case 63: // YYMMDD/SSS
      return sepIs(run, h, SEP_SLASH) && isCzechBirthNumber(D, 9) ? NEEDS_ID_WORD : 0;
    case 64: {
      const sep = run.sepLength[h] === 1 ? run.sepFlags[h] : 0;
      if (sep === SEP_DASH) {
        if (isSwedishPersonnummer(D, 0) || isDanishCpr(D) || isDigitHetu() || isCzechBirthNumber(D, 10)) return CHECKED;
        return isDanishCprDate(D) ? NEEDS_ID_WORD : 0;
      }
      return sep === SEP_SLASH && isCzechBirthNumber(D, 10) ? CHECKED : 0;
    }
    case 46: // NNNN DDMMYY
      return sepIs(run, h, SEP_SPACE) && isAustrianSvnr(D) ? CHECKED : 0;
    case 65: // DDMMYY NNNNN
      return sepIs(run, h, SEP_SPACE) && isNorwegianFodselsnummer(D) ? CHECKED : 0;
    case 3332: // NNN.NNN.NNN-NN
      return sepIs(run, g + 1, SEP_DOT) && sepIs(run, g + 2, SEP_DOT) && sepIs(run, h, SEP_DASH) && isCpf(D)
        ? CHECKED : 0;
    case 2333: // NN NNN NNN NNN
      return sepsAre(run, g, h, SEP_SPACE) && isSteuerId(D) ? CHECKED : 0;
    case 22232: // YY.MM.DD-NNN.NN
      return sepIs(run, g + 1, SEP_DOT) && sepIs(run, g + 2, SEP_DOT) && sepIs(run, g + 3, SEP_DASH) &&
        sepIs(run, h, SEP_DOT) && isBelgianNationalNumber(D) ? CHECKED : 0;
    case 84: // YYYYMMDD-NNNN
      return sepIs(run, h, SEP_DASH) && (D[0] === 1 || D[0] === 2) && isSwedishPersonnummer(D, 2) ? CHECKED : 0;
    case 3442: // 756.NNNN.NNNN.NN
      return sepsAre(run, g, h, SEP_DOT) && isSwissAhv(D) ? CHECKED : 0;
    case 1222332: // S YY MM DD DDD NNN KK
      return sepsAre(run, g, h, SEP_SPACE) && isFrenchNir(D) ? CHECKED : 0;
    case 333: // NNN NNN NNN (or dashes): a SIN after an id word; else a phone's shape
      return (sepsAre(run, g, h, SEP_SPACE) || sepsAre(run, g, h, SEP_DASH)) && isCanadianSin(D) ? NEEDS_ID_WORD : 0;
    default:
      return 0;
  }
}

/**
 * Groups g..h, the whole of what is left of a run, as a national identity
 * number: true when one of the forms above holds, its checks hold (or an id
 * word precedes a form without one) and no order word is nearer.
 */
export function isNationalIdReading(run: NumberRun, g: number, h: number): boolean {
  if (run.leadPlus || h - g > 6) return false;
  const text = run.text;
  const start = run.groupStart[g];
  const solid = g === h;
  const digits = run.groupEnd[h] - start;
  // Nine to thirteen solid digits are as likely a phone, order or error
  // number (phone.ts reads the phones): without an id word, not an id. The
  // word is looked for first: most such numbers have none.
  let cue = -1;
  if (!solid) {
    if (!isIdLayout(lengthsOf(run, g, h))) return false;
  } else if (digits <= 13) {
    if (digits < 9 || !mayHaveIdWordBefore(text, start)) return false;
    cue = idCueBefore(text, start);
    if (cue !== ID_CUE_ID) return false;
  } else if (digits !== 15) {
    return false;
  }
  const len = collect(run, g, h);
  if (len < 9) return false;
  const form = solid ? solidForm(len) : groupedForm(run, g, h);
  if (form === 0) return false;
  if (isGluedBefore(text, start) || isGluedAfter(text, run.groupEnd[h])) return false;
  if (cue < 0) cue = idCueBefore(text, start);
  if (cue === ID_CUE_ID) return true;
  return form === CHECKED && cue !== ID_CUE_ORDER;
}
