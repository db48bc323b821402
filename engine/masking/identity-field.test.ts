// The identity-field rule: a value of digits and separators is a phone number
// whatever its format, an address is masked by the email rule, anything else
// goes through the text detectors.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findSensitiveSpans, isNumberValue, maskIdentityField, maskText } from './index.js';

const SEPARATORS = [' ', '-', '.', '/', '(', ')', '+'];
const onlyDigits = (s: string): string => s.replace(/\D/g, '');

/** Strings of digits and the separators, with at least one digit. */
const numberValue = fc
  .array(fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...'0123456789'.split('')) },
    { weight: 1, arbitrary: fc.constantFrom(...SEPARATORS) },
  ), { minLength: 1, maxLength: 40 })
  .map((chars) => chars.join(''))
  .filter((s) => /\d/.test(s));

describe('maskIdentityField', () => {
  it('masks a bare number of any length as a phone number, as the text masker formats phones', () => {
    expect(maskIdentityField('16315550142')).toBe('*******0142');
    expect(maskIdentityField('+16315550142')).toBe(maskText('+16315550142'));
    expect(maskIdentityField('+1 (631) 555-0142')).toBe(maskText('+1 (631) 555-0142'));
    expect(maskIdentityField('1 631 555 0142')).toBe('*******0142');
    expect(maskIdentityField('631-555-0142')).toBe(maskText('631-555-0142'));
    expect(maskIdentityField('631-555-0142')).toBe('********0142');
    expect(maskIdentityField('5550142')).toBe('***0142');
    expect(maskIdentityField('123456789012345678901234')).toBe(`${'*'.repeat(20)}1234`);
    expect(maskIdentityField('0142/')).toBe('*****');
  });

  it('keeps no digit of a value too short to be a phone number', () => {
    expect(maskIdentityField('555014')).toBe('******');
    expect(maskIdentityField('42')).toBe('**');
    expect(maskIdentityField('0142')).toBe('****');
    expect(maskIdentityField('55-01')).toBe('*****');
  });

  it('keeps no digit of a number written in another script', () => {
    expect(maskIdentityField('١٦٣١٥٥٥٠١٤٢')).toBe('*'.repeat(11));
    expect(maskIdentityField('１６３１５５５０１４２')).toBe('*'.repeat(11));
    expect(maskIdentityField('631\u2013555\u20130142')).toBe('********0142');
  });

  it('masks an address by the email rule; a numeric local part as a phone number', () => {
    expect(maskIdentityField('melissa@gmail.com')).toBe('m******@gmail.com');
    expect(maskIdentityField('16315550142@s.whatsapp.net')).toBe('*******0142@s.whatsapp.net');
    expect(maskIdentityField('555@s.whatsapp.net')).toBe('***@s.whatsapp.net');
  });

  it('passes other text to the text detectors', () => {
    expect(maskIdentityField('Melissa Jones')).toBe('Melissa Jones');
    expect(maskIdentityField('Call +44 7966 197542')).toBe(maskText('Call +44 7966 197542'));
    expect(maskIdentityField('Facebook page: support')).toBe('Facebook page: support');
    expect(maskIdentityField('')).toBe('');
    expect(maskIdentityField('--')).toBe('--');
    const seen: string[] = [];
    expect(maskIdentityField('Ann', (t) => (seen.push(t), `<${t}>`))).toBe('<Ann>');
    expect(seen).toEqual(['Ann']);
  });

  it('never hands a number or an address to the text masker', () => {
    const never = (t: string): string => {
      throw new Error(`text masker called with ${t}`);
    };
    expect(maskIdentityField('16315550142', never)).toBe('*******0142');
    expect(maskIdentityField('melissa@gmail.com', never)).toBe('m******@gmail.com');
  });

  it('property: any digits-and-separators value is masked, and nothing but its last four digits survive', () => {
    fc.assert(
      fc.property(numberValue, (value) => {
        expect(isNumberValue(value)).toBe(true);
        const masked = maskIdentityField(value);
        expect(masked).not.toBe(value);
        // Stars, then from the first kept digit on the value as written, less its whitespace.
        expect(masked).toMatch(/^\**(?:[0-9][^*\s]*)?$/);
        const digits = onlyDigits(value);
        const kept = onlyDigits(masked);
        expect(kept.length).toBeLessThanOrEqual(4);
        expect(digits.endsWith(kept)).toBe(true);
        if (digits.length < 7) expect(kept).toBe('');
        else expect(kept).toBe(digits.slice(-4));
        // One character per character of the value, whitespace dropped.
        expect(masked.length).toBe(value.replace(/ /g, '').length);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: a numeric WhatsApp id keeps only the last four digits of its number', () => {
    fc.assert(
      fc.property(numberValue.map((s) => s.replace(/ /g, '')).filter((s) => /\d/.test(s)), fc.constantFrom('s.whatsapp.net', 'sms.example.com'), (local, domain) => {
        const masked = maskIdentityField(`${local}@${domain}`);
        expect(masked.endsWith(`@${domain}`)).toBe(true);
        const kept = onlyDigits(masked);
        expect(kept.length).toBeLessThanOrEqual(4);
        expect(onlyDigits(local).endsWith(kept)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('property: masked identity fields hold nothing the text detectors would still find', () => {
    const value = fc.oneof(numberValue, fc.string({ maxLength: 30 }), fc.emailAddress());
    fc.assert(
      fc.property(value, (v) => {
        expect(findSensitiveSpans(maskIdentityField(v))).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });
});
