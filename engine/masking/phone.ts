// Phone numbers among the groups of a number run, 7 to 15 digits, in the
// forms people write them in (docs/masking.md has the table):
// - international: `+44 7966 197542`, `(+358) 298711209`, `+(370) 61234567`,
//   `+49(0)30 1234567`, `0049 30 1234567`, `001-810-249-8415`;
// - a parenthesised area code: `(555) 123-4567`, `(04626) 5052426`,
//   `(06)99/292-5611`;
// - a country or trunk digit before an area code: `1 555 123 4567`,
//   `8 (918) 008-26-25`;
// - a national trunk prefix 0: `07700 900 123`, `0490 75 40 81`,
//   `04799/35270217`, `0481.709.747` (9 to 13 digits; 8 when grouped:
//   `08-73 17 06`);
// - three groups 3-3-4 or 3-3-3 with one separator: `555-123-4567`,
//   `603 123 456`;
// - national numbers of 9 to 12 digits, solid or grouped by 2, 3 and 4:
//   `9498777106`, `32 013 40 49`, `81 8479 9509`, and 13 to 15 digits that
//   read as a country code and a national number of its length;
// - short local numbers of 7 or 8 digits (`467 3395`, `53365728`,
//   `11 00 20 78`) only after a phone word (`call me on`, `Meine Nummer ist`,
//   `ring mig på`, `tel:`), phone-cue.ts.
// Any of them may end in an extension: `x39498`, ` ext. 12`, `#123`.
//
// Bare and short forms are not phones after an order word (`order`,
// `Rechnung`, `pedido`...), and none of the forms is a date with a
// four-digit year, an IP address, a ZIP+4 code, an amount grouped in
// thousands or an ISBN.
import { isEan13 } from './card.js';
import { countryCodeFits } from './country-codes.js';
import {
  CODE_CLOSE, CODE_DASH, CODE_DOT, CODE_HASH, CODE_OPEN, CODE_SLASH, CODE_STAR, isAsciiLetter, isDigit, isNumberSpace,
} from './char-class.js';
import { isGluedAfter, isGluedBefore, isMaskedLocalAt, isMaskedStarAt } from './glue.js';
import {
  SEP_CLOSE, SEP_DASH, SEP_DOT, SEP_OPEN, SEP_PARENS, SEP_SLASH, SEP_SPACE, digitAt, type NumberRun,
} from './number-run.js';
import { CUE_NOT_PHONE, CUE_PHONE, cueBefore } from './phone-cue.js';

export const PHONE_MIN_DIGITS = 7;
export const PHONE_MAX_DIGITS = 15;

// What a reading's form asks for before it counts (bits).
const ACCEPT = 1;
/** Not a phone after an order word. */
const VETOED_BY_CUE = 2;
/** A phone only after a phone word. */
const NEEDS_CUE = 4;
/**
 * Must end the run, or be followed by a plain space when it has none inside:
 * the first groups of `9400 1000 0000 0000 0000 00` are not a phone.
 */
const ENDS_NUMBER = 8;

const BARE = ACCEPT | VETOED_BY_CUE | ENDS_NUMBER;
const CUED = BARE | NEEDS_CUE;

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
  /** Separators inside the reading, OR-ed, parentheses left out. */
  seps: number;
  /** All inner separators are one and the same single character. */
  uniform: boolean;
  /** Parentheses inside the reading other than the leading area code's. */
  innerParens: boolean;
  /** Holds a date with a four-digit year (`01.05.2024`, `2024-05-01`, `1. 5. 2024`) or a span of years. */
  dateLike: boolean;
  /** One-digit groups after the first, other than an area digit right after a trunk group (`06-1/...`). */
  strayDigits: number;
  /** Every group after the first has three digits. */
  threesAfterFirst: boolean;
}

const shape: PhoneShape = {
  d0: 0, d1: 0, d2: 0, plus: false, startParen: false, digits: 0, groups: 0, seps: 0, uniform: true,
  innerParens: false, dateLike: false, strayDigits: 0, threesAfterFirst: true,
};

function inRange(n: number, min: number, max: number): boolean {
  return n >= min && n <= max;
}

function groupValue(run: NumberRun, k: number): number {
  let v = 0;
  for (let p = run.groupStart[k]; p < run.groupEnd[k]; p++) v = v * 10 + (run.text.charCodeAt(p) - 48);
  return v;
}

function isYear(v: number): boolean {
  return v >= 1900 && v <= 2099;
}

function isDayMonth(a: number, b: number): boolean {
  return a >= 1 && b >= 1 && a <= 31 && b <= 31 && (a <= 12 || b <= 12);
}

/** Groups k-2, k-1, k: a date with a four-digit year, one separator throughout. */
function isDateAt(run: NumberRun, k: number): boolean {
  if (run.sepFlags[k - 1] !== run.sepFlags[k] || run.sepLength[k - 1] !== run.sepLength[k]) return false;
  if ((run.sepFlags[k] & SEP_PARENS) !== 0) return false;
  const la = run.groupLength(k - 2);
  const lb = run.groupLength(k - 1);
  const lc = run.groupLength(k);
  if (la <= 2 && lb <= 2 && lc === 4) {
    return isYear(groupValue(run, k)) && isDayMonth(groupValue(run, k - 2), groupValue(run, k - 1));
  }
  if (la === 4 && lb <= 2 && lc <= 2) {
    return isYear(groupValue(run, k - 2)) && isDayMonth(groupValue(run, k - 1), groupValue(run, k));
  }
  return false;
}

/** Groups k-1 and k: `2019-2024`, `1990/91`... two years. */
function isYearSpanAt(run: NumberRun, k: number): boolean {
  const sep = run.sepFlags[k] & ~SEP_SPACE;
  if (sep !== SEP_DASH && sep !== SEP_SLASH) return false;
  return run.groupLength(k - 1) === 4 && run.groupLength(k) === 4 && isYear(groupValue(run, k - 1)) &&
    isYear(groupValue(run, k));
}

/** A solid `yyyymmdd` or `ddmmyyyy`. */
function isSolidDate(run: NumberRun, g: number): boolean {
  const t = run.text;
  const p = run.groupStart[g];
  const two = (i: number) => (t.charCodeAt(p + i) - 48) * 10 + (t.charCodeAt(p + i + 1) - 48);
  if (isYear(two(0) * 100 + two(2)) && isDayMonth(two(6), two(4))) return true;
  return isYear(two(4) * 100 + two(6)) && isDayMonth(two(0), two(2));
}

/** A solid `yyyymmddhhmm`. */
function isSolidStamp(run: NumberRun, g: number): boolean {
  const t = run.text;
  const p = run.groupStart[g];
  const two = (i: number) => (t.charCodeAt(p + i) - 48) * 10 + (t.charCodeAt(p + i + 1) - 48);
  return isYear(two(0) * 100 + two(2)) && isDayMonth(two(6), two(4)) && two(8) <= 23 && two(10) <= 59;
}

function isOneSep(seps: number): boolean {
  return seps === SEP_SPACE || seps === SEP_DASH || seps === SEP_DOT;
}

/** `1 555 123 4567`, `1-555-123-4567`, `1 (555) 123-4567`, `8 (918) 008-26-25`, `7 916 123 45 67`. */
function isPrefixedNational(run: NumberRun, g: number, s: PhoneShape): boolean {
  if (s.digits !== 11 || s.groups < 3 || run.groupLength(g) !== 1) return false;
  if (s.d0 !== 1 && s.d0 !== 7 && s.d0 !== 8) return false;
  if (run.groupLength(g + 1) !== 3) return false;
  const parenArea = (run.sepFlags[g + 1] & SEP_OPEN) !== 0 && (run.sepFlags[g + 2] & SEP_CLOSE) !== 0;
  return parenArea || (s.uniform && isOneSep(s.seps));
}

/** Four dotted groups of at most three digits, none above 255. */
function isIpAddress(run: NumberRun, g: number, s: PhoneShape): boolean {
  if (s.groups !== 4 || !s.uniform || s.seps !== SEP_DOT) return false;
  for (let k = g; k < g + 4; k++) if (run.groupLength(k) > 3 || groupValue(run, k) > 255) return false;
  return true;
}

/** `12 345 678`, `1.234.567`, `123.456.789`: thousands. (`603 123 456` is a phone.) */
function isThousands(run: NumberRun, g: number, s: PhoneShape): boolean {
  if (s.groups < 3 || !s.uniform || !s.threesAfterFirst || run.groupLength(g) > 3) return false;
  return s.seps === SEP_DOT || (s.seps === SEP_SPACE && run.groupLength(g) <= 2);
}

/** `756.1234.5678.97`: the layout of a Swiss AHV number, not a phone's (+7 numbers are not grouped so). */
function isAhvLayout(run: NumberRun, g: number, s: PhoneShape): boolean {
  return s.groups === 4 && s.digits === 13 && s.uniform && s.d0 === 7 && s.d1 === 5 && s.d2 === 6 &&
    run.groupLength(g) === 3 && run.groupLength(g + 1) === 4 && run.groupLength(g + 2) === 4;
}

/** `DDMMYY-NNNN` or `YYMMDD/NNNN` with a date that exists. */
function isDateSerialLayout(run: NumberRun, g: number, s: PhoneShape): boolean {
  if (s.groups !== 2 || run.groupLength(g) !== 6 || run.groupLength(g + 1) !== 4) return false;
  if (run.sepLength[g + 1] !== 1 || (run.sepFlags[g + 1] !== SEP_DASH && run.sepFlags[g + 1] !== SEP_SLASH)) return false;
  const t = run.text;
  const p = run.groupStart[g];
  const two = (i: number) => (t.charCodeAt(p + i) - 48) * 10 + (t.charCodeAt(p + i + 1) - 48);
  return isDayMonth(two(0), two(2)) || isDayMonth(two(4), two(2));
}

/** What a reading of groups g..h asks for to count as a phone (0: never). */
function formOf(run: NumberRun, g: number, h: number, s: PhoneShape): number {
  const digits = s.digits;
  if (s.plus) return inRange(digits, PHONE_MIN_DIGITS, PHONE_MAX_DIGITS) ? ACCEPT : 0;
  const first = run.groupLength(g);
  // `00` opens an international number only inside one group: `0049 30 ...`,
  // `00 49 30 ...`; never `0.01806494`.
  // Written solid, the country code after it must be one, with a national
  // number of its length behind (`0087288372` is an order number: there is
  // no code 87, 872 or 8); else it is read as a national number, below.
  if (s.d0 === 0 && s.d1 === 0 && s.d2 > 0 && first >= 2 && inRange(digits - 2, PHONE_MIN_DIGITS, PHONE_MAX_DIGITS)) {
    if (s.groups > 1 || countryCodeFits(s.d2, digitAt(run, g, 3), digitAt(run, g, 4), digits - 2)) {
      return ACCEPT | VETOED_BY_CUE;
    }
  }
  if (s.dateLike) return 0;
  if (s.startParen) return first <= 5 && inRange(digits, PHONE_MIN_DIGITS, PHONE_MAX_DIGITS) ? ACCEPT : 0;
  if (isPrefixedNational(run, g, s)) return ACCEPT;
  // A trunk `0` written apart: `0 2405 8879`.
  const trunkApart = first === 1 && s.d0 === 0 && s.groups > 1 && run.groupLength(g + 1) >= 2;
  // A French number without its trunk 0: `6 88 76 17 00`.
  if (first === 1 && s.d0 > 0 && s.groups === 5 && digits === 9 && s.uniform && s.seps !== SEP_DOT &&
    s.strayDigits === 0) {
    return BARE;
  }
  if (s.innerParens || (first === 1 && !trunkApart) || s.strayDigits > 0 || run.groupLength(h) === 1) return 0;
  if (digits < PHONE_MIN_DIGITS || isIpAddress(run, g, s)) return 0;
  if (isThousands(run, g, s)) return CUED; // `61 765 761` after `my number is`
  if (s.groups === 2 && first === 5 && run.groupLength(h) === 4 && s.seps === SEP_DASH) return 0; // ZIP+4
  if (digits === 13 && s.groups >= 3 && s.d0 === 9 && s.d1 === 7 && (s.d2 === 8 || s.d2 === 9)) return 0; // ISBN
  // Dots only as one separator throughout, in groups of at most four.
  if ((s.seps & SEP_DOT) !== 0) {
    if (!s.uniform || s.groups < 3) return 0;
    for (let k = g; k <= h; k++) if (run.groupLength(k) > 4) return 0;
  }
  if (s.groups === 1 && digits === 13 && isEan13(run.text, run.groupStart[g])) return 0; // a barcode
  if (isAhvLayout(run, g, s)) return 0;
  if (s.d0 === 0) {
    // `090582-4544`: a birth date and a serial, the layout of Nordic and
    // Czech personal numbers (national-id.ts reads those whose check holds).
    if (isDateSerialLayout(run, g, s)) return CUED;
    // Solid and led by `00` but no country code: as likely an order number with its zeros.
    if (s.groups === 1 && s.d1 === 0) return digits <= 13 ? CUED : 0;
    if (inRange(digits, 9, 13)) return ACCEPT | VETOED_BY_CUE;
    if (digits === 8 && s.groups >= 2 && first <= 4) return BARE; // `08-73 17 06`
    return digits <= 8 && (s.groups === 1 || first <= 4) ? CUED : 0;
  }
  // NANP 3-3-4 and the 3-3-3 of Czech, Polish, Spanish mobiles (also an
  // invoice number's shape: not after an order word).
  if (s.groups === 3 && s.uniform && isOneSep(s.seps) && first === 3 && run.groupLength(g + 1) === 3 &&
    (run.groupLength(h) === 3 || run.groupLength(h) === 4)) {
    return ACCEPT | VETOED_BY_CUE;
  }
  if (digits <= 8) {
    if (first > 4) return s.groups === 1 && !(digits === 8 && isSolidDate(run, g)) ? CUED : 0;
    // Four pairs (`89 29 85 96`), `446 57 564` and `808-45-35`: written that way only as phones.
    if (s.uniform && s.groups === 4 && digits === 8 && s.seps !== SEP_DOT) return BARE;
    if (s.uniform && s.groups === 3 && first === 3 && run.groupLength(g + 1) === 2 && s.seps !== SEP_DOT &&
      (digits === 8 ? s.seps === SEP_SPACE : s.seps === SEP_DASH)) {
      return BARE;
    }
    return CUED;
  }
  if (digits <= 12) {
    if (s.groups > 1) return first <= 5 ? BARE : 0;
    if (digits === 10 && s.d0 === 1) return CUED; // as likely seconds since 1970
    if (digits === 12 && isSolidStamp(run, g)) return 0;
    return BARE;
  }
  // 13 to 15 digits: a country code and its national number, or after a phone word.
  if (digits > PHONE_MAX_DIGITS) return 0;
  return countryCodeFits(s.d0, s.d1, s.d2, digits) ? BARE : CUED;
}

/**
 * The separator (SEP_* flags) between `end` and a masked value right after
 * it (`78)-********@...`), or -1 when no masked value follows. Read again,
 * masked text must end a number where the original went on.
 */
function sepBeforeMasked(text: string, end: number): number {
  const n = text.length;
  let p = end;
  let flags = 0;
  if (p < n && text.charCodeAt(p) === CODE_CLOSE) { flags |= SEP_CLOSE; p++; }
  if (p < n && isNumberSpace(text.charCodeAt(p))) { flags |= SEP_SPACE; p++; }
  if (p < n) {
    const c = text.charCodeAt(p);
    if (c === CODE_DASH) { flags |= SEP_DASH; p++; } else if (c === CODE_DOT) { flags |= SEP_DOT; p++; } else if (c === CODE_SLASH) { flags |= SEP_SLASH; p++; }
  }
  if ((flags & (SEP_DASH | SEP_DOT | SEP_SLASH)) !== 0 && p < n && isNumberSpace(text.charCodeAt(p))) { flags |= SEP_SPACE; p++; }
  if (p < n && text.charCodeAt(p) === CODE_OPEN) { flags |= SEP_OPEN; p++; }
  if (p >= n || text.charCodeAt(p) !== CODE_STAR) return -1;
  // A masked address's local part was cut off the number before masking (scanner.ts).
  return isMaskedStarAt(text, p) && !isMaskedLocalAt(text, p) ? flags : -1;
}

/** End of an extension (`x39498`, ` x158`, ` ext. 12`, `#123`) starting at `p`, or -1. */
function extensionEnd(text: string, p: number): number {
  const n = text.length;
  let q = p;
  if (q < n && isNumberSpace(text.charCodeAt(q))) q++;
  if (q >= n) return -1;
  const c = text.charCodeAt(q);
  let m = q;
  if ((c | 0x20) === 0x78) { // x
    m++;
  } else if (c === CODE_HASH) {
    m++;
  } else if ((c | 0x20) === 0x65 && m + 2 < n && (text.charCodeAt(m + 1) | 0x20) === 0x78 &&
    (text.charCodeAt(m + 2) | 0x20) === 0x74) { // ext
    m += 3;
    if (m + 6 <= n && text.slice(m, m + 6).toLowerCase() === 'ension') m += 6;
    if (m < n && (text.charCodeAt(m) === 0x2e || text.charCodeAt(m) === 0x3a)) m++; // ext. ext:
    if (m < n && isNumberSpace(text.charCodeAt(m))) m++;
  } else {
    return -1;
  }
  let d = m;
  while (d < n && isDigit(text.charCodeAt(d))) d++;
  if (d === m || d - m > 6) return -1;
  if (d < n && (isAsciiLetter(text.charCodeAt(d)) || isGluedAfter(text, d))) return -1;
  return d;
}

/** Start of the reading found by the last phoneReadingEnd: its `+`, its `(` or its first digit. */
let foundStart = 0;
/** End of that reading: its last group, or its extension. */
let foundEnd = 0;

export function phoneReadingStart(): number {
  return foundStart;
}

export function phoneReadingSpanEnd(): number {
  return foundEnd;
}

/**
 * Last group (below `limit`) of the longest phone reading that starts at
 * group g, or -1; phoneReadingStart() and phoneReadingSpanEnd() then tell
 * where it starts and ends. `numberEnd` is where the written number ends
 * for ENDS_NUMBER: the run's end, or a card or SSN that follows in the run
 * (masked, it ends the run when the text is read again). A group in parentheses alone reads as the bare
 * digits; with groups after it, as an area code, `(555) 123-4567`.
 */
export function phoneReadingEnd(run: NumberRun, g: number, limit: number, numberEnd = run.groupCount): number {
  const s = shape;
  const text = run.text;
  const plus = g === 0 && run.leadPlus;
  const digitStart = plus ? run.start : run.groupStart[g];
  const parenArea = !plus && (run.sepFlags[g] & SEP_OPEN) !== 0 && g + 1 < limit &&
    (run.sepFlags[g + 1] & SEP_CLOSE) !== 0;
  const parenStart = run.groupStart[g] - 1;
  let available = 0;
  for (let k = g; k < limit && available < PHONE_MIN_DIGITS; k++) available += run.groupEnd[k] - run.groupStart[k];
  if (available < PHONE_MIN_DIGITS) return -1;
  // A date opening the run (`01-05-2024 10:30`, `2024-05-01 10`) is in every
  // reading long enough to be a phone: none is one.
  if (!plus && g + 2 < limit && isDateAt(run, g + 2)) return -1;
  const digitGlued = isGluedBefore(text, digitStart);
  const parenGlued = !parenArea || isGluedBefore(text, parenStart);
  if (digitGlued && parenGlued) return -1;
  const firstLength = run.groupEnd[g] - run.groupStart[g];
  s.d0 = digitAt(run, g, 0);
  s.d1 = digitAt(run, g, 1);
  s.d2 = digitAt(run, g, 2);
  s.plus = plus;
  s.digits = 0;
  s.groups = 0;
  s.seps = 0;
  s.uniform = true;
  s.innerParens = false;
  s.dateLike = false;
  s.strayDigits = 0;
  s.threesAfterFirst = true;
  let cue = -1; // not looked up yet
  let firstSep = -1;
  let openGroup = parenArea ? g : -1;
  let best = -1;
  for (let h = g; h < limit; h++) {
    const length = run.groupEnd[h] - run.groupStart[h];
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
      if (length !== 3) s.threesAfterFirst = false;
      if (length === 1 && !(h === g + 1 && s.d0 === 0 && run.groupLength(g) >= 2)) s.strayDigits++;
      if (h >= g + 2 && isDateAt(run, h)) s.dateLike = true;
      if (isYearSpanAt(run, h)) s.dateLike = true;
    }
    s.digits += length;
    s.groups++;
    if (s.digits > PHONE_MAX_DIGITS + 2) break;
    if (s.digits < PHONE_MIN_DIGITS || (h > g && openGroup === h)) continue; // too short; its `(` not closed yet
    s.startParen = parenArea && h > g;
    if (s.startParen ? parenGlued : digitGlued) continue;
    // More of the number follows where a bare form may not stop: only the
    // forms that may be followed by more digits are worth reading.
    if (h < numberEnd - 1 && (run.sepFlags[h + 1] !== SEP_SPACE || (s.seps & SEP_SPACE) !== 0) && !s.plus &&
      !s.startParen && s.d0 !== 0 && firstLength !== 1 && !(s.groups === 3 && firstLength === 3)) {
      continue;
    }
    const form = formOf(run, g, h, s);
    if (form === 0) continue;
    const groupEnd = run.groupEnd[h];
    let end = groupEnd;
    const ext = extensionEnd(text, groupEnd);
    if (ext >= 0) end = ext;
    else if (isGluedAfter(text, groupEnd)) continue;
    if ((form & ENDS_NUMBER) !== 0 && ext < 0) {
      // Another group follows, or a masked value that stood for one: only
      // past a plain space, in a number with none inside.
      const next = h < numberEnd - 1 ? run.sepFlags[h + 1] : h === run.groupCount - 1 ? sepBeforeMasked(text, groupEnd) : -1;
      if (next >= 0 && (next !== SEP_SPACE || (s.seps & SEP_SPACE) !== 0)) continue;
    }
    if ((form & (NEEDS_CUE | VETOED_BY_CUE)) !== 0) {
      if (cue < 0) cue = cueBefore(text, parenArea && !parenGlued ? parenStart : digitStart);
      if (cue === CUE_NOT_PHONE) continue;
      if ((form & NEEDS_CUE) !== 0 && cue !== CUE_PHONE) continue;
    }
    best = h;
    foundStart = s.startParen ? parenStart : digitStart;
    foundEnd = end;
    if (ext >= 0) break;
  }
  return best;
}
