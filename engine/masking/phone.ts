// Phone numbers among the groups of a number run, 7 to 15 digits. Only
// written forms that people use for phones count, so that amounts, dates,
// IP addresses and order numbers do not:
// - international: `+44 7966 197542`, `+1 (123) 456-7890`, `0049 30 1234567`;
// - parenthesised area code: `(555) 123-4567`, `(04626) 5052426`;
// - national trunk prefix 0: `07700 900 123`, `0490 75 40 81`, `070-123 45 67`
//   (9 to 13 digits; with dots only as `06.12.34.56.78`; never `dd-mm-yyyy`);
// - three groups 3-3-3 or 3-3-4 with one separator: `555-123-4567`,
//   `603 123 456`, and `1 555 123 4567`.
// A bare digit string with none of these shapes (`5551234567`) is not read
// as a phone: it is as likely an order number.
import { isGluedAfter, isGluedBefore } from './glue.js';
import {
  SEP_CLOSE, SEP_DASH, SEP_DOT, SEP_OPEN, SEP_PARENS, SEP_SPACE, digitAt, type NumberRun,
} from './number-run.js';

export const PHONE_MIN_DIGITS = 7;
export const PHONE_MAX_DIGITS = 15;

/** Shape of a candidate reading, groups g..h of a run. */
interface PhoneShape {
  /** First three digits of the reading (-1 past its end). */
  d0: number;
  d1: number;
  d2: number;
  plus: boolean;
  startParen: boolean;
  digits: number;
  groups: number;
  /** Separators inside the reading, OR-ed. */
  seps: number;
  /** All inner separators are one and the same single character. */
  uniform: boolean;
  /** Parentheses inside the reading other than the leading area code's. */
  innerParens: boolean;
}

const shape: PhoneShape = {
  d0: 0, d1: 0, d2: 0, plus: false, startParen: false, digits: 0, groups: 0, seps: 0, uniform: true, innerParens: false,
};

function inRange(n: number, min: number, max: number): boolean {
  return n >= min && n <= max;
}

function isThreeGroups(run: NumberRun, g: number): boolean {
  return run.groupLength(g) === 3 && run.groupLength(g + 1) === 3 &&
    (run.groupLength(g + 2) === 3 || run.groupLength(g + 2) === 4);
}

function isOneSep(seps: number): boolean {
  return seps === SEP_SPACE || seps === SEP_DASH || seps === SEP_DOT;
}

/** `1 555 123 4567`, `1-555-123-4567`, `1 (555) 123-4567`. */
function isNanpWithCountryCode(run: NumberRun, g: number, s: PhoneShape): boolean {
  if (s.groups !== 4 || s.digits !== 11 || run.groupLength(g) !== 1 || digitAt(run, g, 0) !== 1) return false;
  if (!isThreeGroups(run, g + 1) || run.groupLength(g + 3) !== 4 || digitAt(run, g + 1, 0) < 2) return false;
  const parenArea = (run.sepFlags[g + 1] & SEP_OPEN) !== 0 && (run.sepFlags[g + 2] & SEP_CLOSE) !== 0;
  return parenArea || (s.uniform && isOneSep(s.seps));
}

function isTrunk(run: NumberRun, g: number, h: number, s: PhoneShape): boolean {
  if (run.groupLength(g) < 2 || !inRange(s.digits, 9, 13) || s.innerParens) return false;
  if (s.groups >= 3 && run.groupLength(g) === 2 && run.groupLength(g + 1) === 2 && run.groupLength(g + 2) === 4) {
    return false; // dd-mm-yyyy
  }
  for (let k = g + 1; k <= h; k++) if (run.groupLength(k) < 2) return false;
  if ((s.seps & SEP_DOT) !== 0) {
    if (!s.uniform || s.seps !== SEP_DOT || s.groups < 4) return false;
    for (let k = g; k <= h; k++) if (run.groupLength(k) > 4) return false;
  }
  return true;
}

function isPhoneShape(run: NumberRun, g: number, h: number, s: PhoneShape): boolean {
  const d0 = s.d0;
  if (s.plus) return d0 !== 0 && inRange(s.digits, PHONE_MIN_DIGITS, PHONE_MAX_DIGITS);
  // `00` opens an international number only inside one group: `0049 30 ...`,
  // `00 49 30 ...`; never `0.01806494`.
  if (d0 === 0 && s.d1 === 0 && run.groupLength(g) >= 2) {
    return s.d2 > 0 && inRange(s.digits - 2, PHONE_MIN_DIGITS, PHONE_MAX_DIGITS);
  }
  if (s.startParen) return run.groupLength(g) <= 5 && inRange(s.digits, PHONE_MIN_DIGITS, PHONE_MAX_DIGITS);
  if (isNanpWithCountryCode(run, g, s)) return true;
  if (s.innerParens) return false;
  if (d0 === 0) return isTrunk(run, g, h, s);
  return s.groups === 3 && d0 >= 2 && isThreeGroups(run, g) && s.uniform && isOneSep(s.seps);
}

/** Start of the reading found by the last phoneReadingEnd: its `+`, its `(` or its first digit. */
let foundStart = 0;

export function phoneReadingStart(): number {
  return foundStart;
}

/**
 * Last group (below `limit`) of the longest phone reading that starts at
 * group g, or -1; phoneReadingStart() then tells where it starts. A group
 * in parentheses alone reads as the bare digits; with groups after it, as
 * an area code, `(555) 123-4567`.
 */
export function phoneReadingEnd(run: NumberRun, g: number, limit: number): number {
  const s = shape;
  const plus = g === 0 && run.leadPlus;
  const digitStart = plus ? run.start : run.groupStart[g];
  const parenArea = !plus && (run.sepFlags[g] & SEP_OPEN) !== 0 && g + 1 < limit &&
    (run.sepFlags[g + 1] & SEP_CLOSE) !== 0;
  const parenStart = run.groupStart[g] - 1;
  s.d0 = digitAt(run, g, 0);
  s.d1 = digitAt(run, g, 1);
  s.d2 = digitAt(run, g, 2);
  // Most runs rule out every form at their first group (`4532 0151 ...`,
  // `1.234.567`) or have too few digits left for the one form they could be
  // (`01.05.2024` for a national number).
  const firstLength = run.groupLength(g);
  let minDigits: number;
  if (plus || parenArea) minDigits = PHONE_MIN_DIGITS;
  else if (s.d0 === 0) minDigits = 9; // 00 and 7 more, or a trunk 0 and 8 more
  else if (firstLength === 3 && s.d0 >= 2) minDigits = 9;
  else if (firstLength === 1 && s.d0 === 1) minDigits = 11;
  else return -1;
  let available = 0;
  for (let k = g; k < limit && available < minDigits; k++) available += run.groupEnd[k] - run.groupStart[k];
  if (available < minDigits) return -1;
  const digitGlued = isGluedBefore(run.text, digitStart);
  const parenGlued = !parenArea || isGluedBefore(run.text, parenStart);
  if (digitGlued && parenGlued) return -1;
  s.plus = plus;
  s.digits = 0;
  s.groups = 0;
  s.seps = 0;
  s.uniform = true;
  s.innerParens = false;
  let firstSep = -1;
  let openGroup = parenArea ? g : -1;
  let best = -1;
  for (let h = g; h < limit; h++) {
    if (h > g) {
      const sep = run.sepFlags[h];
      if ((sep & SEP_CLOSE) !== 0) {
        if (openGroup !== h - 1 && !(plus && h - 1 === g && (run.sepFlags[g] & SEP_OPEN) !== 0)) break;
        if (h - 1 !== g) s.innerParens = true;
        openGroup = -1;
      }
      if ((sep & SEP_OPEN) !== 0) {
        openGroup = h;
        s.innerParens = true;
      }
      if (firstSep < 0) firstSep = sep;
      if (run.sepLength[h] !== 1 || sep !== firstSep) s.uniform = false;
      s.seps |= sep & ~SEP_PARENS;
    }
    s.digits += run.groupEnd[h] - run.groupStart[h];
    s.groups++;
    if (s.digits > PHONE_MAX_DIGITS + 2) break;
    if (h > g && openGroup === h) continue; // its `(` is not closed yet
    s.startParen = parenArea && h > g;
    if (s.startParen ? parenGlued : digitGlued) continue;
    if (isPhoneShape(run, g, h, s) && !isGluedAfter(run.text, run.groupEnd[h])) {
      best = h;
      foundStart = s.startParen ? parenStart : digitStart;
    }
  }
  return best;
}
