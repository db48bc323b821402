import { describe, expect, it } from 'vitest';
import {
  brandLengthMask, cardLengthMask, coreBrandLengthMask, coreCardLengthMask, isCardLengthAllowed, isValidCardNumber,
  luhnCheckDigit, luhnValid,
} from './card.js';
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

/** A Luhn-valid number of `length` digits starting with `prefix`, the rest filled from `seed`. */
function luhnNumber(prefix: string, length: number, seed = 7): string {
  let body = prefix;
  for (let k = 0; body.length < length - 1; k++) body += String((seed * (k + 3) + k * k) % 10);
  return body + String(luhnCheckDigit(body));
}

describe('every network, by its IIN ranges and lengths (Luhn-valid numbers computed here)', () => {
  const networks: Array<[string, string, number[]]> = [
    ['Visa', '4', [13, 16, 19]],
    ['Visa Electron', '4508', [16]],
    ['Mastercard 51-55', '5412', [16]],
    ['Mastercard 2221-2720', '2720', [16]],
    ['American Express 34', '34', [15]],
    ['American Express 37', '3748', [15]],
    ['Discover 6011', '6011', [16, 19]],
    ['Discover 644-649', '6445', [16, 19]],
    ['Discover 65', '6500', [16, 19]],
    ['Discover 622126-622925', '622126', [16, 19]],
    ['JCB 15 digits, 1800', '1800', [15]],
    ['JCB 15 digits, 2131', '2131', [15]],
    ['JCB 3528', '3528', [16, 17, 18, 19]],
    ['JCB 3589', '3589', [16, 19]],
    ['JCB 35 block (generators)', '3511', [16]],
    ['JCB older range 3088', '3088', [16]],
    ['JCB older range 3337', '3337', [16]],
    ['UnionPay 62', '6212', [16, 17, 18, 19]],
    ['UnionPay 81', '8100', [16, 19]],
    ['China T-Union 31', '3150', [19]],
    ['Maestro 5018', '5018', [12, 13, 16, 19]],
    ['Maestro 56', '5612', [12, 16]],
    ['Maestro 57', '5700', [12, 18]],
    ['Maestro 58', '5893', [12, 19]],
    ['Maestro 6390', '6390', [12, 16]],
    ['Maestro 6759', '6759', [12, 18]],
    ['Maestro 0604', '0604', [12]],
    ['Diners Club 300-305', '305', [14, 16, 19]],
    ['Diners Club 3095', '3095', [14]],
    ['Diners Club 36', '36', [14]],
    ['Diners Club 38', '38', [14, 16]],
    ['Mir', '2200', [16, 19]],
    ['BORICA', '2205', [16]],
    ['RuPay 60', '6070', [16]],
    ['RuPay 82', '8200', [16]],
    ['RuPay 508', '5085', [16]],
    ['RuPay 353', '3530', [16]],
    ['Troy', '9792', [16]],
    ['Humo', '9860', [16]],
    ['UzCard', '8600', [16]],
    ['GPN', '1946', [16]],
    ['Verve 506099', '506099', [16, 18, 19]],
    ['Verve 507865', '507865', [16, 19]],
    ['Verve 650002', '650002', [16, 18, 19]],
    ['Dankort', '5019', [16]],
  ];

  for (const [name, prefix, lengths] of networks) {
    it(`${name}: ${prefix} at ${lengths.join(', ')} digits`, () => {
      for (const length of lengths) {
        const n = luhnNumber(prefix, length);
        expect(luhnValid(n)).toBe(true);
        expect(isValidCardNumber(n), `${n} (${length})`).toBe(true);
        expect(found(`paid with ${n} yesterday`), n).toEqual([[n, 'card']]);
        // The same digits with the check digit changed are no card.
        const last = Number(n[n.length - 1]);
        expect(isValidCardNumber(n.slice(0, -1) + String((last + 1) % 10))).toBe(false);
      }
    });
  }

  it('refuses a network at a length it does not issue', () => {
    expect(isValidCardNumber(luhnNumber('1800', 16))).toBe(false); // JCB 1800 is 15
    expect(isValidCardNumber(luhnNumber('2131', 16))).toBe(false);
    expect(isValidCardNumber(luhnNumber('3088', 15))).toBe(false);
    expect(isValidCardNumber(luhnNumber('9792', 19))).toBe(false); // Troy is 16
    expect(isValidCardNumber(luhnNumber('3150', 16))).toBe(false); // T-Union is 19
    expect(isValidCardNumber(luhnNumber('1234', 15))).toBe(false); // no network at 12
    expect(isValidCardNumber(luhnNumber('7012', 16))).toBe(false); // nor at 7
  });

  it('finds the corpus examples: 15-digit JCB, 16-digit JCB, Maestro 56-58 and 6390', () => {
    for (const n of [luhnNumber('180012', 15), luhnNumber('213134', 15), luhnNumber('3528', 16, 3),
      luhnNumber('3589', 16, 5), luhnNumber('5611', 12), luhnNumber('5799', 12, 4), luhnNumber('5801', 12, 9),
      luhnNumber('6390', 12, 2)]) {
      expect(found(`card ${n}`), n).toEqual([[n, 'card']]);
    }
  });

  it('finds them grouped by four, and 4-6-5 or 4-6-4', () => {
    const jcb15 = luhnNumber('1800', 15);
    expect(found(`card ${jcb15.slice(0, 4)} ${jcb15.slice(4, 10)} ${jcb15.slice(10)}`)).toEqual([
      [`${jcb15.slice(0, 4)} ${jcb15.slice(4, 10)} ${jcb15.slice(10)}`, 'card'],
    ]);
    const maestro = luhnNumber('6390', 12);
    const grouped = maestro.replace(/(\d{4})(?=\d)/g, '$1-');
    expect(found(`card ${grouped}`)).toEqual([[grouped, 'card']]);
  });
});

describe('cards among other numbers', () => {
  it('reads no card in a piece of a longer number grouped the same way', () => {
    // The USPS tracking number and a 16-digit reference hold Luhn-valid Maestro-range pieces.
    const piece = luhnNumber('6506', 12);
    const spaced = piece.replace(/(\d{4})(?=\d)/g, '$1 ');
    expect(found(`tracking 9400 ${spaced} 03`)).toEqual([]);
    expect(found(`reference 9377 ${spaced}`)).toEqual([]);
    expect(found(`reference ${spaced} 9762`)).toEqual([]);
    // Two cards in a row are still two cards.
    const a = luhnNumber('4111', 16);
    const b = luhnNumber('5555', 16);
    const g = (n: string) => n.replace(/(\d{4})(?=\d)/g, '$1 ');
    expect(found(`${g(a)} ${g(b)}`)).toEqual([[g(a), 'card'], [g(b), 'card']]);
  });

  it('reads no card in groups of seven (the Amazon order number 3-7-7)', () => {
    const body = luhnNumber('6612345', 14);
    expect(found(`order 796-${body.slice(0, 7)}-${body.slice(7)}`)).toEqual([]);
  });

  it('reads a number glued to letters against the major brands only', () => {
    // A DHL-style code whose digits are a Luhn-valid Maestro-range number.
    const digits = luhnNumber('6477', 14);
    expect(found(`tracking JJD${digits}`)).toEqual([]);
    expect(found(`ABC${luhnNumber('4111', 16)}`).map(([, k]) => k)).toEqual(['card']);
  });

  it('reads no card in a barcode after a barcode word', () => {
    // 13 digits that pass both EAN-13 and Luhn with a Visa prefix.
    let ean = '';
    for (let k = 0; k < 100000 && ean === ''; k++) {
      const body = `40${String(k).padStart(10, '0')}`;
      let sum = 0;
      for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
      const n = body + String((10 - (sum % 10)) % 10);
      if (luhnValid(n)) ean = n;
    }
    expect(isValidCardNumber(ean)).toBe(true);
    expect(found(`EAN ${ean}`)).toEqual([]);
    expect(found(`barcode ${ean} on the box`)).toEqual([]);
    expect(found(`card ${ean}`)).toEqual([[ean, 'card']]);
  });

  it('decides glued numbers by a table of four-digit prefixes exactly as the core brand rules do', () => {
    let mismatches = 0;
    for (let p6 = 0; p6 < 1_000_000; p6 += 37) if (coreCardLengthMask(p6) !== coreBrandLengthMask(p6)) mismatches++;
    expect(mismatches).toBe(0);
  });
});
