import { describe, expect, it } from 'vitest';
import { findSensitiveSpans } from './index.js';

function found(text: string): Array<[string, string]> {
  return findSensitiveSpans(text).map((s) => [text.slice(s.start, s.end), s.kind]);
}

function phones(text: string): string[] {
  return found(text).filter(([, k]) => k === 'phone').map(([t]) => t);
}

describe('phone numbers: forms that are read as phones', () => {
  it.each([
    ['international, spaced', '+44 7966 197542'],
    ['international, solid', '+447966197542'],
    ['international with area code in parentheses', '+1 (123) 456-7890'],
    ['the seed form with a space after the plus', '+ 1 (123) 456 7890'],
    ['international with 00', '0049 30 1234567'],
    ['international with dashes', '+49-635-1177985'],
    ['US national with parentheses', '(555) 123-4567'],
    ['German national with parentheses', '(04626) 5052426'],
    ['UK national', '07700 900 123'],
    ['Belgian national', '0490 75 40 81'],
    ['Swedish national', '070-123 45 67'],
    ['Dutch national', '06-12345678'],
    ['French national with dots', '06.12.34.56.78'],
    ['national solid', '0612345678'],
    ['US with dashes', '555-123-4567'],
    ['US with dots', '555.123.4567'],
    ['Czech national', '603 123 456'],
    ['US with country code', '1 (555) 123-4567'],
    ['US with country code and dashes', '1-555-123-4567'],
  ])('%s: %s', (_name, phone) => {
    expect(found(`call me on ${phone} today`)).toEqual([[phone, 'phone']]);
  });

  it('finds a phone at the very start and end of a text', () => {
    expect(phones('+447966197542')).toEqual(['+447966197542']);
    expect(phones('Ring 0701234567')).toEqual(['0701234567']);
  });

  it('leaves the parentheses around a number outside the span', () => {
    expect(found('(0612345678)')).toEqual([['0612345678', 'phone']]);
  });

  it('finds two phones in one run', () => {
    expect(phones('0612345678 0612345679')).toEqual(['0612345678', '0612345679']);
  });

  it('reads a run that goes on a glued identifier as cards only', () => {
    expect(found('AB12 555-123-4567')).toEqual([]);
    expect(found('DE88 3704 0044 0532 0130 00')).toEqual([]);
  });

  it('allows a phone after an abbreviation with a full stop', () => {
    expect(phones('Tel.0612345678')).toEqual(['0612345678']);
  });
});

describe('phone numbers: digit strings that are not phones', () => {
  it.each([
    ['a decimal', '0.250750683890174'],
    ['a decimal with a comma', '0,250750683890174'],
    ['a small decimal', '0.01806494'],
    ['an ISO timestamp', '2024-05-01T10:30:00Z'],
    ['a date and time with dots', '01.05.2024 10.30'],
    ['a date with dashes and a time', '01-05-2024 10:30'],
    ['an epoch timestamp in ms', '1714557600123'],
    ['an IP address', '192.168.100.200'],
    ['an amount with space thousands', '1 234 567 Kč'],
    ['an amount with dot thousands', '1.234.567 EUR'],
    ['an order number', 'order #12345678'],
    ['a bare ten-digit number', 'ref 5551234567'],
    ['too few digits', '+44 1234'],
    ['too many digits', '+1234567890123456789'],
    ['a part number glued to letters', 'X7-555-1234'],
    ['a part number with a letter prefix', 'ABC-555-123-4567'],
    ['a version', 'v1.2.3'],
    ['a time', '10:30'],
    ['a price', '€ 1299,00'],
  ])('%s: %s', (_name, text) => {
    expect(found(text)).toEqual([]);
  });

  it('does not read digits glued to an underscore or letters as a phone', () => {
    expect(found('user_0612345678')).toEqual([]);
    expect(found('0612345678abc')).toEqual([]);
  });

  it('does not read the fraction of a decimal as a phone', () => {
    expect(found('3.0612345678')).toEqual([]);
    expect(found('3,0612345678')).toEqual([]);
  });

  it('does not read a phone in the middle of a longer number', () => {
    expect(found('reference 7610 0193 0953 8412')).toEqual([]);
    expect(found('order 12345 0612345678')).toEqual([]);
  });
});
