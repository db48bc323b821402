import { describe, expect, it } from 'vitest';
import { findSensitiveSpans } from './index.js';
import { isPlausibleSsn, isValidSsnText } from './ssn.js';

function found(text: string): Array<[string, string]> {
  return findSensitiveSpans(text).map((s) => [text.slice(s.start, s.end), s.kind]);
}

describe('SSN plausibility', () => {
  it('refuses area 000, 666 and 900-999, group 00 and serial 0000', () => {
    expect(isPlausibleSsn(123, 45, 6789)).toBe(true);
    expect(isPlausibleSsn(0, 45, 6789)).toBe(false);
    expect(isPlausibleSsn(666, 45, 6789)).toBe(false);
    expect(isPlausibleSsn(900, 45, 6789)).toBe(false);
    expect(isPlausibleSsn(999, 45, 6789)).toBe(false);
    expect(isPlausibleSsn(899, 45, 6789)).toBe(true);
    expect(isPlausibleSsn(123, 0, 6789)).toBe(false);
    expect(isPlausibleSsn(123, 45, 0)).toBe(false);
  });

  it('needs the same separator twice', () => {
    expect(isValidSsnText('123-45-6789')).toBe(true);
    expect(isValidSsnText('123 45 6789')).toBe(true);
    expect(isValidSsnText('123.45.6789')).toBe(true);
    expect(isValidSsnText('123-45 6789')).toBe(false);
    expect(isValidSsnText('123456789')).toBe(false);
  });
});

describe('SSNs in text', () => {
  it('finds the dash, space and dot forms', () => {
    expect(found('my SSN is 123-45-6789.')).toEqual([['123-45-6789', 'ssn']]);
    expect(found('my SSN is 123 45 6789')).toEqual([['123 45 6789', 'ssn']]);
    expect(found('SSN: 123.45.6789')).toEqual([['123.45.6789', 'ssn']]);
  });

  it('leaves implausible numbers unmasked as PCI', () => {
    for (const s of ['000-12-3456', '666-12-3456', '912-12-3456', '123-00-4567', '123-45-0000']) {
      expect(found(`SSN ${s}`).map(([, k]) => k), s).not.toContain('ssn');
    }
  });

  it('does not read nine bare digits as an SSN, unless an id word precedes a valid national id', () => {
    // No US form without separators; 123456780 fails every nine-digit check (BSN, NIF, SIN).
    expect(found('id 123456780')).toEqual([]);
    expect(found('order id 123456789')).toEqual([]);
    // 123456789 is a valid Portuguese NIF (mod 11): after an id word it is one (national-id.ts).
    expect(found('id 123456789')).toEqual([['123456789', 'ssn']]);
  });

  it('does not read a part number glued to letters as an SSN', () => {
    expect(found('part XR123-45-6789')).toEqual([]);
  });

  it('takes the SSN rather than a phone reading of the same digits', () => {
    expect(found('call 020 123 45 6789')).toEqual([['123 45 6789', 'ssn']]);
  });
});
