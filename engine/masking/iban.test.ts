import { describe, expect, it } from 'vitest';
import { ibanCheckDigits, ibanLengthOf, isValidIban } from './iban.js';
import { IBAN_LENGTH_OUTSIDE_REGISTRY } from './iban-registry.js';
import { IBAN_LENGTH_BY_COUNTRY } from './iban-registry.js';
import { findSensitiveSpans, maskText } from './index.js';

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

describe('IBANs outside the registry and at a length their country does not use', () => {
  function ibanOf(country: string, bban: string): string {
    return country + ibanCheckDigits(country, bban) + bban;
  }

  it('finds the IBANs of countries that issue them outside the SWIFT registry', () => {
    for (const [country, length] of Object.entries(IBAN_LENGTH_OUTSIDE_REGISTRY)) {
      const iban = ibanOf(country, '1234567890123456789012345678'.slice(0, length - 4));
      expect(found(`IBAN ${iban}`), iban).toEqual([[iban, 'iban']]);
    }
    const spaced = ibanOf('IR', '0319680046327346008018').replace(/(.{4})(?=.)/g, '$1 ');
    expect(found(spaced)).toEqual([[spaced, 'iban']]);
  });

  it('finds a solid IBAN whose check holds at another length (a GB IBAN one character short)', () => {
    const short = ibanOf('GB', 'RDGC1739803704262'); // 21 characters, GB issues 22
    expect(short.length).toBe(21);
    expect(isValidIban(short)).toBe(false);
    expect(found(`ok ${short}`)).toEqual([[short, 'iban']]);
    expect(maskText(`ok ${short}`)).toBe(`ok ${'*'.repeat(17)}${short.slice(-4)}`);
  });

  it('prefers the longer solid reading when the registry length stops inside a word', () => {
    const long = ibanOf('PL', '25508774553141583985258252'); // 30 characters, PL issues 28
    expect(found(long)).toEqual([[long, 'iban']]);
  });

  it('leaves a solid string with a bad check, or glued to letters, alone', () => {
    const short = ibanOf('GB', 'RDGC1739803704262');
    const bad = short.slice(0, 2) + (short[2] === '9' ? '8' : String(Number(short[2]) + 1)) + short.slice(3);
    expect(found(`ok ${bad}`)).toEqual([]);
    expect(found(`ok X${short}`)).toEqual([]);
    expect(found(`ok ${short}X`)).toEqual([]);
  });
});
