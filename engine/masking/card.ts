// Payment cards: issuer prefixes with their lengths, and the Luhn check.
// A digit string is a card only when a brand issues that prefix at that
// length and the Luhn sum holds; a random order number mostly fails both.

/** A bit per allowed length: bit n set means n digits are issued. */
function lengths(...ns: number[]): number {
  let mask = 0;
  for (const n of ns) mask |= 1 << n;
  return mask;
}

const L15 = lengths(15);
const L16 = lengths(16);
const L19 = lengths(19);
const L16_19 = lengths(16, 17, 18, 19);
const L14_19 = lengths(14, 15, 16, 17, 18, 19);
const L12_19 = lengths(12, 13, 14, 15, 16, 17, 18, 19);
const VISA = lengths(13, 16, 19);

export const CARD_MIN_DIGITS = 12;
export const CARD_MAX_DIGITS = 19;

function inRange(n: number, min: number, max: number): boolean {
  return n >= min && n <= max;
}

/**
 * Lengths a card starting with these six digits may have (0: no brand), by
 * the issuer identification numbers (IINs) the networks publish. Every
 * network here uses the Luhn check, and the reader applies it to all.
 *
 * - Visa (incl. Electron): 4, 13/16/19 digits; the old Switch ranges 4903,
 *   4905, 4911, 4936 also at 17 and 18.
 * - Mastercard: 51-55 and 2221-2720, 16.
 * - American Express: 34, 37, 15.
 * - Discover: 6011, 644-649, 65 and 622126-622925, 16-19.
 * - JCB: 3528-3589 at 16-19; the 35 block is read whole (JCB and its
 *   RuPay and LankaPay co-brands, and what generators write for JCB); the
 *   older ranges 3088-3094, 3096-3102, 3112-3120, 3158-3159, 3337-3349 at
 *   16; and the 15-digit JCB 1800 and 2131.
 * - UnionPay: 62 and 81 (8100-8171; the rest of 81 is RuPay's), 16-19;
 *   31 (China T-Union), 19.
 * - Maestro: 12-19 digits across its ranges, 50 (5018, 5020, 5038 and the
 *   rest of 50xx: Dankort 5019, Verve 5060-5079), 56-69 (incl. 5893, 6304,
 *   6390, 6759, 6761-6763, Laser, Solo, InstaPayment, InterPayment), and
 *   0604, which card lists still carry for it.
 * - Diners Club: 300-305, 3095, 36, 38, 39, 14-19.
 * - Mir: 2200-2204, 16-19; BORICA 2205, 16.
 * - RuPay: 60, 65, 81, 82, 508, 353, 356, 16 (inside the ranges above
 *   but 82).
 * - Troy: 9792, 16; Humo 9860, UzCard 8600, 16; GPN 1946, 16.
 * - Verve: 506099-506198, 507865-507964, 650002-650027 (inside Maestro's).
 */
export function brandLengthMask(prefix6: number): number {
  const p1 = Math.floor(prefix6 / 100000);
  const p2 = Math.floor(prefix6 / 10000);
  const p3 = Math.floor(prefix6 / 1000);
  const p4 = Math.floor(prefix6 / 100);
  let mask = 0;
  if (p1 === 4) mask |= VISA;
  if (p4 === 4903 || p4 === 4905 || p4 === 4911 || p4 === 4936) mask |= L16_19; // Switch
  if (inRange(p2, 51, 55) || inRange(p4, 2221, 2720)) mask |= L16; // Mastercard
  if (p2 === 34 || p2 === 37) mask |= L15; // Amex
  if (p4 === 6011 || inRange(p3, 644, 649) || p2 === 65 || inRange(prefix6, 622126, 622925)) {
    mask |= L16_19; // Discover
  }
  if (p2 === 35) mask |= L16_19; // JCB 3528-3589 and the rest of its block
  if (inRange(p4, 3088, 3094) || inRange(p4, 3096, 3102) || inRange(p4, 3112, 3120) || inRange(p4, 3158, 3159) ||
    inRange(p4, 3337, 3349)) {
    mask |= L16; // JCB, older ranges
  }
  if (p4 === 1800 || p4 === 2131) mask |= L15; // JCB 15 digits
  if (p2 === 62 || p2 === 81) mask |= L16_19; // UnionPay (8100-8171) and RuPay's 81
  if (p2 === 31) mask |= L19; // China T-Union
  if (p2 === 50 || inRange(p2, 56, 69) || p4 === 604) mask |= L12_19; // Maestro (0604 is p4 604)
  if (inRange(p3, 300, 305) || p4 === 3095 || p2 === 36 || p2 === 38 || p2 === 39) mask |= L14_19; // Diners Club
  if (inRange(p4, 2200, 2204)) mask |= L16_19; // Mir
  if (p4 === 2205) mask |= L16; // BORICA
  if (p2 === 60 || p2 === 65 || p2 === 81 || p2 === 82 || p3 === 508 || p3 === 353 || p3 === 356) mask |= L16; // RuPay
  if (p4 === 9792 || p4 === 9860 || p4 === 8600 || p4 === 1946) mask |= L16; // Troy, Humo, UzCard, GPN
  return mask;
}

/**
 * The major brands at their main ranges only: Visa, Mastercard, Amex,
 * Discover, JCB 3528-3589, UnionPay 62, Diners Club, Mir and Maestro's
 * own IINs (5018, 5020, 5038, 5893, 6304, 6759, 6761-6763). A number glued
 * to letters (`ABC4111111111111111`) is read against these only: such a
 * string is far more often a tracking code or an id (`JJD64777009719689`)
 * than a card, and the long tail of ranges would take many of them.
 */
export function coreBrandLengthMask(prefix6: number): number {
  const p1 = Math.floor(prefix6 / 100000);
  const p2 = Math.floor(prefix6 / 10000);
  const p3 = Math.floor(prefix6 / 1000);
  const p4 = Math.floor(prefix6 / 100);
  let mask = 0;
  if (p1 === 4) mask |= VISA;
  if (inRange(p2, 51, 55) || inRange(p4, 2221, 2720)) mask |= L16;
  if (p2 === 34 || p2 === 37) mask |= L15;
  if (p4 === 6011 || inRange(p3, 644, 649) || p2 === 65 || p2 === 62) mask |= L16_19;
  if (inRange(p4, 3528, 3589) || inRange(p4, 2200, 2204)) mask |= L16_19;
  if (p4 === 5018 || p4 === 5020 || p4 === 5038 || p4 === 5893 || p4 === 6304 || p4 === 6759 ||
    inRange(p4, 6761, 6763)) {
    mask |= L12_19;
  }
  if (inRange(p3, 300, 305) || p2 === 36 || p2 === 38 || p2 === 39) mask |= L14_19;
  return mask;
}

// The same, tabled by the first four digits. Only Discover's 622126-622925
// and Verve's ranges need six, and they lie inside UnionPay's 62 and
// Maestro's 50 and 65 with the lengths they need, so four digits decide
// exactly (a test checks every six-digit prefix). Filled as prefixes come
// (-1: not yet): the whole table, computed up front, cost some 30 ms of
// every process's start.
const MASK_BY_PREFIX4 = new Int32Array(10000).fill(-1);
const CORE_MASK_BY_PREFIX4 = new Int32Array(10000).fill(-1);

/** Lengths a card starting with these six digits may have (0: no brand). */
export function cardLengthMask(prefix6: number): number {
  const p4 = (prefix6 / 100) | 0;
  const mask = MASK_BY_PREFIX4[p4];
  return mask >= 0 ? mask : (MASK_BY_PREFIX4[p4] = brandLengthMask(p4 * 100));
}

/** The same for the major brands' main ranges only (coreBrandLengthMask). */
export function coreCardLengthMask(prefix6: number): number {
  const p4 = (prefix6 / 100) | 0;
  const mask = CORE_MASK_BY_PREFIX4[p4];
  return mask >= 0 ? mask : (CORE_MASK_BY_PREFIX4[p4] = coreBrandLengthMask(p4 * 100));
}

export function isCardLengthAllowed(mask: number, digitCount: number): boolean {
  return (mask & (1 << digitCount)) !== 0;
}

/** Luhn over a plain digit string. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** A card number written as digits only: brand, length and Luhn. */
export function isValidCardNumber(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  const mask = cardLengthMask(Number(digits.slice(0, 6)));
  return isCardLengthAllowed(mask, digits.length) && luhnValid(digits);
}

/** The Luhn check digit that completes these digits. */
export function luhnCheckDigit(digitsWithoutCheck: string): number {
  let sum = 0;
  let double = true;
  for (let i = digitsWithoutCheck.length - 1; i >= 0; i--) {
    let d = digitsWithoutCheck.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return (10 - (sum % 10)) % 10;
}

/** The 13 digits at text[p, p + 13) end in the EAN-13 (GTIN-13) check digit of the twelve before it. */
export function isEan13(text: string, p: number): boolean {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (text.charCodeAt(p + i) - 48) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10 === text.charCodeAt(p + 12) - 48;
}
