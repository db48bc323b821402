import { describe, expect, it } from 'vitest';
import { brandLengthMask, cardLengthMask, isCardLengthAllowed, isValidCardNumber, luhnCheckDigit, luhnValid } from './card.js';
import { findSensitiveSpans } from './index.js';

function found(text: string): Array<[string, string]> {
  return findSensitiveSpans(text).map((s) => [text.slice(s.start, s.end), s.kind]);
}

// Test numbers published by the card networks for integration testing.
const VALID = {
  visa16: '4111111111111111',
  visa13: '4222222222222',
  mastercard: '5555555555554444',
  mastercard2: '2223003122003222',
  amex: '378282246310005',
  discover: '6011111111111117',
  jcb: '3530111333300000',
  unionpay: '6200000000000005',
  maestro12: '501800000009',
  diners14: '30569309025904',
};

describe('luhn', () => {
  it('accepts the networks test numbers and rejects a changed digit', () => {
    for (const n of Object.values(VALID)) {
      expect(luhnValid(n)).toBe(true);
      const last = Number(n[n.length - 1]);
      expect(luhnValid(n.slice(0, -1) + String((last + 1) % 10))).toBe(false);
    }
  });

  it('computes the check digit that completes a number', () => {
    for (const n of Object.values(VALID)) expect(luhnCheckDigit(n.slice(0, -1))).toBe(Number(n[n.length - 1]));
  });
});

describe('brands and lengths', () => {
  it('knows each brand by prefix and length', () => {
    for (const [name, n] of Object.entries(VALID)) {
      expect(isValidCardNumber(n), name).toBe(true);
    }
  });

  it('decides by a table of four-digit prefixes exactly as the brand rules do', () => {
    let mismatches = 0;
    for (let p6 = 0; p6 < 1_000_000; p6++) if (cardLengthMask(p6) !== brandLengthMask(p6)) mismatches++;
    expect(mismatches).toBe(0);
  });

  it('refuses a prefix no brand issues', () => {
    expect(cardLengthMask(123456)).toBe(0);
    expect(cardLengthMask(999999)).toBe(0);
    expect(isValidCardNumber('1234567812345670')).toBe(false); // Luhn-valid, no brand
  });

  it('refuses a brand at a length it does not issue', () => {
    expect(isCardLengthAllowed(cardLengthMask(378282), 16)).toBe(false); // Amex is 15
    expect(isCardLengthAllowed(cardLengthMask(555555), 19)).toBe(false); // Mastercard is 16
    expect(isCardLengthAllowed(cardLengthMask(222100), 16)).toBe(true);
    expect(isCardLengthAllowed(cardLengthMask(272099), 16)).toBe(true);
    expect(isCardLengthAllowed(cardLengthMask(272100), 16)).toBe(false);
  });
});

describe('cards in text', () => {
  it('finds cards written solid, with spaces and with dashes', () => {
    expect(found('pay with 4111111111111111 please')).toEqual([['4111111111111111', 'card']]);
    expect(found('pay with 4111 1111 1111 1111 please')).toEqual([['4111 1111 1111 1111', 'card']]);
    expect(found('pay with 4111-1111-1111-1111.')).toEqual([['4111-1111-1111-1111', 'card']]);
    expect(found('Amex 3782 822463 10005')).toEqual([['3782 822463 10005', 'card']]);
  });

  it('does not read a random order number that fails Luhn as a card', () => {
    expect(found('order 4111111111111112')).toEqual([]);
    expect(found('Bestellnummer 5555 5555 5555 4445')).toEqual([]);
  });

  it('does not read a Luhn-valid number without a brand prefix as a card', () => {
    expect(found('ticket 1234567812345670')).toEqual([]);
  });

  it('does not take more than 19 digits or fewer than 12', () => {
    expect(found('41111111111111111111')).toEqual([]);
    expect(found('41111111111').map(([, k]) => k)).not.toContain('card'); // a bare national phone number
  });

  it('still masks a card glued to letters, so a real card never leaks', () => {
    expect(found('ABC4111111111111111')).toEqual([['4111111111111111', 'card']]);
    expect(found('ref4111111111111111x')).toEqual([['4111111111111111', 'card']]);
  });

  it('does not accept dots or parentheses between card groups', () => {
    expect(found('4111.1111.1111.1111').map(([, k]) => k)).not.toContain('card');
    expect(found('(4111) 1111 1111 1111').map(([, k]) => k)).not.toContain('card');
  });

  it('finds a card behind a phone-like prefix in the same run', () => {
    expect(found('020 4111 1111 1111 1111')).toEqual([['4111 1111 1111 1111', 'card']]);
  });

  it('finds two cards in one run', () => {
    expect(found('4111 1111 1111 1111 5555 5555 5555 4444')).toEqual([
      ['4111 1111 1111 1111', 'card'], ['5555 5555 5555 4444', 'card'],
    ]);
  });
});
