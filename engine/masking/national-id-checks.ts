// The check rules of national identity numbers, on an array of digit values
// (d[0..len)). Each says whether a digit string can be that country's
// number: its check digit(s) and, where the number holds a birth date, a
// date that exists. Sources: each issuer's published rule (docs/masking.md
// lists them per country).

function weighted(d: ArrayLike<number>, from: number, weights: readonly number[]): number {
  let sum = 0;
  for (let k = 0; k < weights.length; k++) sum += d[from + k] * weights[k];
  return sum;
}

function value(d: ArrayLike<number>, from: number, count: number): number {
  let v = 0;
  for (let k = from; k < from + count; k++) v = v * 10 + d[k];
  return v;
}

/** Luhn over d[from, from + len), the last digit the check. */
export function luhnHolds(d: ArrayLike<number>, from: number, len: number): boolean {
  let sum = 0;
  for (let k = 0; k < len; k++) {
    let x = d[from + len - 1 - k];
    if ((k & 1) === 1) { x *= 2; if (x > 9) x -= 9; }
    sum += x;
  }
  return sum % 10 === 0;
}

const DAYS = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A day and month that exist (29 February in any year). */
export function isDayOfMonth(day: number, month: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= DAYS[month];
}

/** Dutch BSN: nine digits, 9*d1 + 8*d2 + ... + 2*d8 - d9 divisible by 11, not all zero. */
export function isBsn(d: ArrayLike<number>): boolean {
  const sum = weighted(d, 0, [9, 8, 7, 6, 5, 4, 3, 2]) - d[8];
  return sum % 11 === 0 && sum !== 0;
}

/** Portuguese NIF: nine digits, mod 11 check; never led by 0, and by 4 only as 45 (non-residents). */
export function isPortugueseNif(d: ArrayLike<number>): boolean {
  if (d[0] === 0 || (d[0] === 4 && d[1] !== 5)) return false;
  const r = 11 - (weighted(d, 0, [9, 8, 7, 6, 5, 4, 3, 2]) % 11);
  return (r >= 10 ? 0 : r) === d[8];
}

/** Canadian SIN: nine digits, Luhn; no SIN starts with 0 or 8. */
export function isCanadianSin(d: ArrayLike<number>): boolean {
  return d[0] !== 0 && d[0] !== 8 && luhnHolds(d, 0, 9);
}

/** A US SSN's area, group and serial rules on nine digits (no check digit exists). */
export function isPlausibleUsSsnDigits(d: ArrayLike<number>): boolean {
  const area = value(d, 0, 3);
  return area !== 0 && area !== 666 && area < 900 && value(d, 3, 2) !== 0 && value(d, 5, 4) !== 0;
}

/**
 * Czech and Slovak birth number, YYMMDD + serial: ten digits divisible by 11
 * (or the first nine leaving 10 and a last 0), month plus 50 for women and
 * plus 20 or 70 since 2004. Nine digits (no check) for births before 1954.
 */
export function isCzechBirthNumber(d: ArrayLike<number>, len: number): boolean {
  let month = value(d, 2, 2);
  if (month > 70) month -= 70;
  else if (month > 50) month -= 50;
  else if (month > 20) month -= 20;
  if (!isDayOfMonth(value(d, 4, 2), month)) return false;
  if (len === 9) return value(d, 0, 2) < 54;
  if (len !== 10) return false;
  const first9 = value(d, 0, 9) % 11;
  return first9 === 10 ? d[9] === 0 : first9 === d[9];
}

/** Swedish personnummer, YYMMDD + NNN + Luhn check (a coordination number adds 60 to the day). */
export function isSwedishPersonnummer(d: ArrayLike<number>, from: number): boolean {
  let day = value(d, from + 4, 2);
  if (day > 60) day -= 60;
  return isDayOfMonth(day, value(d, from + 2, 2)) && luhnHolds(d, from, 10);
}

/** A Danish CPR number's date, DDMMYY (the check below is optional since 2007). */
export function isDanishCprDate(d: ArrayLike<number>): boolean {
  return isDayOfMonth(value(d, 0, 2), value(d, 2, 2));
}

/** Danish CPR, DDMMYY + SSSS, with the mod 11 check numbers issued before 2007 carry. */
export function isDanishCpr(d: ArrayLike<number>): boolean {
  return isDanishCprDate(d) && weighted(d, 0, [4, 3, 2, 7, 6, 5, 4, 3, 2, 1]) % 11 === 0;
}

/** Norwegian fødselsnummer, DDMMYY + III + two mod 11 checks (a D-number adds 40 to the day). */
export function isNorwegianFodselsnummer(d: ArrayLike<number>): boolean {
  let day = value(d, 0, 2);
  if (day > 40) day -= 40;
  let month = value(d, 2, 2);
  if (month > 40) month -= 40; // H-numbers and synthetic test numbers
  if (!isDayOfMonth(day, month)) return false;
  let k1 = 11 - (weighted(d, 0, [3, 7, 6, 1, 8, 9, 4, 5, 2]) % 11);
  if (k1 === 11) k1 = 0;
  if (k1 === 10 || k1 !== d[9]) return false;
  let k2 = 11 - (weighted(d, 0, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) % 11);
  if (k2 === 11) k2 = 0;
  return k2 === d[10];
}

/** Polish PESEL, YYMMDD (month plus 20 per century after the 1900s) + serial + check. */
export function isPesel(d: ArrayLike<number>): boolean {
  const month = value(d, 2, 2) % 20;
  if (!isDayOfMonth(value(d, 4, 2), month)) return false;
  return (10 - (weighted(d, 0, [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]) % 10)) % 10 === d[10];
}

/** Brazilian CPF, eleven digits, two mod 11 checks, not one digit repeated. */
export function isCpf(d: ArrayLike<number>): boolean {
  let same = true;
  for (let k = 1; k < 11; k++) if (d[k] !== d[0]) same = false;
  if (same) return false;
  const c1 = ((weighted(d, 0, [10, 9, 8, 7, 6, 5, 4, 3, 2]) * 10) % 11) % 10;
  if (c1 !== d[9]) return false;
  return ((weighted(d, 0, [11, 10, 9, 8, 7, 6, 5, 4, 3, 2]) * 10) % 11) % 10 === d[10];
}

/** ISO 7064 MOD 11,10 over d[0, len - 1), the last digit the check. */
function mod11x10Holds(d: ArrayLike<number>, len: number): boolean {
  let product = 10;
  for (let k = 0; k < len - 1; k++) {
    let sum = (d[k] + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  let check = 11 - product;
  if (check === 10) check = 0;
  return check === d[len - 1];
}

/**
 * German Steuer-ID: eleven digits, no leading 0, ISO 7064 MOD 11,10; in the
 * first ten one digit appears two or three times, so 8 or 9 distinct digits.
 */
export function isSteuerId(d: ArrayLike<number>): boolean {
  if (d[0] === 0) return false;
  const seen = new Uint8Array(10);
  let distinct = 0;
  for (let k = 0; k < 10; k++) if (seen[d[k]]++ === 0) distinct++;
  return (distinct === 8 || distinct === 9) && mod11x10Holds(d, 11);
}

/** Croatian OIB: eleven digits, ISO 7064 MOD 11,10. */
export function isOib(d: ArrayLike<number>): boolean {
  return mod11x10Holds(d, 11);
}

/** Belgian national number, YYMMDD + SSS + 97 - (first nine mod 97), with a 2 before them for births from 2000. */
export function isBelgianNationalNumber(d: ArrayLike<number>): boolean {
  const month = value(d, 2, 2);
  const day = value(d, 4, 2);
  // Month or day 00 when unknown; +20/+40 for bis numbers.
  if (month % 20 > 12 || day > 31) return false;
  const head = value(d, 0, 9);
  const check = value(d, 9, 2);
  return 97 - (head % 97) === check || 97 - ((2_000_000_000 + head) % 97) === check;
}

/** Estonian and Lithuanian personal code: G + YYMMDD + SSS + check (two weight rounds). */
export function isBalticPersonalCode(d: ArrayLike<number>): boolean {
  if (d[0] < 1 || d[0] > 6) return false;
  if (!isDayOfMonth(value(d, 5, 2), value(d, 3, 2))) return false;
  let r = weighted(d, 0, [1, 2, 3, 4, 5, 6, 7, 8, 9, 1]) % 11;
  if (r === 10) {
    r = weighted(d, 0, [3, 4, 5, 6, 7, 8, 9, 1, 2, 3]) % 11;
    if (r === 10) r = 0;
  }
  return r === d[10];
}

/** French NIR: 13 digits (sex 1-4 or 7-8, YY, MM) + key 97 - (number mod 97). */
export function isFrenchNir(d: ArrayLike<number>): boolean {
  const sex = d[0];
  if (sex === 0 || sex === 5 || sex === 6 || sex === 9) return false;
  const month = value(d, 3, 2);
  if (!((month >= 1 && month <= 12) || month >= 20)) return false;
  // 13 digits exceed 2^32 but not 2^53: exact in a double.
  const head = value(d, 0, 13);
  return 97 - (head % 97) === value(d, 13, 2);
}

/** Romanian CNP: S + YYMMDD + JJ + NNN + check (weights 279146358279, mod 11, 10 -> 1). */
export function isRomanianCnp(d: ArrayLike<number>): boolean {
  if (d[0] === 0) return false;
  if (!isDayOfMonth(value(d, 5, 2), value(d, 3, 2))) return false;
  let r = weighted(d, 0, [2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9]) % 11;
  if (r === 10) r = 1;
  return r === d[12];
}

/** Swiss AHV number: 756 + nine digits + EAN-13 check. */
export function isSwissAhv(d: ArrayLike<number>): boolean {
  if (d[0] !== 7 || d[1] !== 5 || d[2] !== 6) return false;
  let sum = 0;
  for (let k = 0; k < 12; k++) sum += d[k] * (k % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10 === d[12];
}

/** Austrian social insurance number: NNN + check + DDMMYY; check = weighted sum mod 11 (never 10). */
export function isAustrianSvnr(d: ArrayLike<number>): boolean {
  if (d[0] === 0) return false;
  const sum = d[0] * 3 + d[1] * 7 + d[2] * 9 + d[4] * 5 + d[5] * 8 + d[6] * 4 + d[7] * 2 + d[8] * 1 + d[9] * 6;
  const r = sum % 11;
  if (r === 10 || r !== d[3]) return false;
  return isDayOfMonth(value(d, 4, 2), value(d, 6, 2));
}

/** Finnish HETU check character of DDMMYY + NNN. */
const HETU_CHECK = '0123456789ABCDEFHJKLMNPRSTUVWXY';
export function hetuCheckChar(d: ArrayLike<number>): number {
  return HETU_CHECK.charCodeAt((value(d, 0, 6) * 1000 + value(d, 6, 3)) % 31);
}

/** A Finnish HETU's date and individual number (002-899, 900-999 temporary). */
export function isHetuBody(d: ArrayLike<number>): boolean {
  return isDayOfMonth(value(d, 0, 2), value(d, 2, 2)) && value(d, 6, 3) >= 2;
}

/** Spanish DNI/NIE check letter of a number. */
const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';
export function dniCheckLetter(n: number): number {
  return DNI_LETTERS.charCodeAt(n % 23);
}

/** Irish PPS check letter of seven digits and an optional second letter's value (A=1..; W or none = 0). */
const PPS_LETTERS = 'WABCDEFGHIJKLMNOPQRSTUV';
export function ppsCheckLetter(d: ArrayLike<number>, second: number): number {
  const sum = weighted(d, 0, [8, 7, 6, 5, 4, 3, 2]) + second * 9;
  return PPS_LETTERS.charCodeAt(sum % 23);
}
