// Payment cards: issuer prefixes with their lengths, and the Luhn check.
// A digit string is a card only when a brand issues that prefix at that
// length and the Luhn sum holds; a random order number mostly fails both.

/** A bit per allowed length: bit n set means n digits are issued. */
function lengths(...ns: number[]): number {
  let mask = 0;
  for (const n of ns) mask |= 1 << n;
  return mask;
}

const L16 = lengths(16);
const L15 = lengths(15);
const L16_19 = lengths(16, 17, 18, 19);
const L14_19 = lengths(14, 15, 16, 17, 18, 19);
const L12_19 = lengths(12, 13, 14, 15, 16, 17, 18, 19);
const VISA = lengths(13, 16, 19);

export const CARD_MIN_DIGITS = 12;
export const CARD_MAX_DIGITS = 19;

/**
 * Lengths a card starting with these six digits may have (0: no brand).
 * Brands: Visa, Mastercard (51-55, 2221-2720), Amex, Discover, JCB,
 * UnionPay, Maestro, Diners Club, Mir, RuPay, Troy.
 */
export function brandLengthMask(prefix6: number): number {
  const p1 = Math.floor(prefix6 / 100000);
  const p2 = Math.floor(prefix6 / 10000);
  const p3 = Math.floor(prefix6 / 1000);
  const p4 = Math.floor(prefix6 / 100);
  let mask = 0;
  if (p1 === 4) mask |= VISA;
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) mask |= L16; // Mastercard
  if (p2 === 34 || p2 === 37) mask |= L15; // Amex
  if (p4 === 6011 || (p3 >= 644 && p3 <= 649) || p2 === 65 || (prefix6 >= 622126 && prefix6 <= 622925)) {
    mask |= L16_19; // Discover
  }
  if (p4 >= 3528 && p4 <= 3589) mask |= L16_19; // JCB
  if (p2 === 62 || p2 === 81) mask |= L16_19; // UnionPay
  if (p4 === 5018 || p4 === 5020 || p4 === 5038 || p4 === 5893 || p4 === 6304 || p4 === 6759 ||
    (p4 >= 6761 && p4 <= 6763)) {
    mask |= L12_19; // Maestro (its issued ranges, not the whole 5/6 block: 12 digits is short)
  }
  if ((p3 >= 300 && p3 <= 305) || p4 === 3095 || p2 === 36 || p2 === 38 || p2 === 39) mask |= L14_19; // Diners Club
  if (p4 >= 2200 && p4 <= 2204) mask |= L16_19; // Mir
  if (p2 === 60 || p2 === 82 || p3 === 508) mask |= L16; // RuPay
  if (p4 === 9792) mask |= L16; // Troy
  return mask;
}

// The same, tabled by the first four digits. Only Discover's 622126-622925
// needs six, and it lies inside UnionPay's 62 with the same lengths, so four
// digits decide exactly (a test checks every six-digit prefix).
const MASK_BY_PREFIX4 = new Int32Array(10000);
for (let p4 = 0; p4 < 10000; p4++) MASK_BY_PREFIX4[p4] = brandLengthMask(p4 * 100);

/** Lengths a card starting with these six digits may have (0: no brand). */
export function cardLengthMask(prefix6: number): number {
  return MASK_BY_PREFIX4[(prefix6 / 100) | 0];
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
