import { describe, expect, it } from 'vitest';
import { ibanCheckDigits, ibanLengthOf, isValidIban } from './iban.js';
import { IBAN_LENGTH_BY_COUNTRY } from './iban-registry.js';
import { findSensitiveSpans } from './index.js';

function found(text: string): Array<[string, string]> {
  return findSensitiveSpans(text).map((s) => [text.slice(s.start, s.end), s.kind]);
}

/** A valid IBAN for the country, its BBAN filled from `fill`. */
function ibanFor(country: string, fill: string): string {
  const bbanLength = IBAN_LENGTH_BY_COUNTRY[country] - 4;
  const bban = fill.repeat(Math.ceil(bbanLength / fill.length)).slice(0, bbanLength);
  return country + ibanCheckDigits(country, bban) + bban;
}

describe('IBAN validation', () => {
  it('accepts the registry examples', () => {
    for (const iban of ['DE89370400440532013000', 'GB29NWBK60161331926819', 'NL91ABNA0417164300',
      'SE4550000000058398257466', 'CZ6508000000192000145399', 'BE68539007547034', 'NO9386011117947']) {
      expect(isValidIban(iban), iban).toBe(true);
    }
  });

  it('accepts a valid IBAN of every registry country at its exact length', () => {
    for (const country of Object.keys(IBAN_LENGTH_BY_COUNTRY)) {
      const iban = ibanFor(country, '1234567890');
      expect(iban.length).toBe(ibanLengthOf(country));
      expect(isValidIban(iban), iban).toBe(true);
    }
  });

  it('accepts check digits below 10, read as two digits', () => {
    const lowCheck: string[] = [];
    for (let k = 0; lowCheck.length < 5 && k < 2000; k++) {
      const iban = ibanFor('DE', String(k).padStart(6, '0'));
      if (iban[2] === '0') lowCheck.push(iban);
    }
    expect(lowCheck.length).toBe(5);
    for (const iban of lowCheck) expect(isValidIban(iban), iban).toBe(true);
  });

  it('refuses one character too few or too many', () => {
    expect(isValidIban('DE8937040044053201300')).toBe(false);
    expect(isValidIban('DE893704004405320130000')).toBe(false);
  });

  it('refuses a wrong check, an unknown country and check digits outside 02..98', () => {
    expect(isValidIban('DE88370400440532013000')).toBe(false);
    expect(isValidIban('XX89370400440532013000')).toBe(false);
    expect(isValidIban('US89370400440532013000')).toBe(false);
    // Check digits 00, 01 and 99 can never come out of the check-digit computation.
    expect(isValidIban('DE00370400440532013000')).toBe(false);
    expect(isValidIban('DE99370400440532013000')).toBe(false);
  });

  it('accepts lower and mixed case, and spaces every four characters', () => {
    expect(isValidIban('de89370400440532013000')).toBe(true);
    expect(isValidIban('Gb29 nwBK 6016 1331 9268 19')).toBe(true);
    expect(isValidIban('DE89 3704 0044 0532 0130 00')).toBe(true);
  });

  it('refuses spaces that are not at the four-character grouping', () => {
    expect(isValidIban('DE89 37040044 05320130 00')).toBe(true);
    expect(isValidIban('DE8 93704 0044 0532 0130 00')).toBe(false);
    expect(isValidIban('DE89 370 40044 0532 0130 00')).toBe(false);
  });
});

describe('IBANs in text', () => {
  it('finds a spaced IBAN and stops at its exact length', () => {
    expect(found('IBAN: DE89 3704 0044 0532 0130 00 bitte')).toEqual([['DE89 3704 0044 0532 0130 00', 'iban']]);
    expect(found('NL91ABNA0417164300, dank je')).toEqual([['NL91ABNA0417164300', 'iban']]);
  });

  it('finds lower-case IBANs and IBANs glued to text', () => {
    expect(found('rekening nl91abna0417164300')).toEqual([['nl91abna0417164300', 'iban']]);
    expect(found('IBAN:GB29NWBK60161331926819.')).toEqual([['GB29NWBK60161331926819', 'iban']]);
  });

  it('leaves an IBAN-shaped string with a bad check alone', () => {
    expect(found('DE88 3704 0044 0532 0130 00')).toEqual([]);
  });
});
