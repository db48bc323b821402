import { describe, expect, it } from 'vitest';
import { createMasker, findSensitiveSpans, luhnCheckDigit, maskText, maskValue } from './index.js';

describe('the seed examples, exactly', () => {
  it.each([
    ['+ 1 (123) 456 7890', '**********7890'],
    ['+447966197542', '*********7542'],
    ['melissa@gmail.com', 'm******@gmail.com'],
  ])('%s -> %s', (before, after) => {
    expect(maskText(before)).toBe(after);
  });
});

describe('masking formats', () => {
  it('cards, IBANs and SSNs drop whitespace and keep the last four characters', () => {
    expect(maskText('4111 1111 1111 1111')).toBe('************1111');
    expect(maskText('4111-1111-1111-1111')).toBe('***************1111');
    expect(maskText('DE89 3704 0044 0532 0130 00')).toBe('******************3000');
    expect(maskText('GB29 NWBK 6016 1331 9268 19')).toBe('******************6819');
    expect(maskText('123-45-6789')).toBe('*******6789');
    expect(maskText('123 45 6789')).toBe('*****6789');
  });

  it('an IBAN ending in letters keeps them', () => {
    // Mauritius IBANs end in a currency code.
    expect(maskText('MU17 BOMM 0101 1010 3030 0200 000M UR')).toBe(`${'*'.repeat(26)}0MUR`);
  });

  it('a phone keeps its last four digits as written, separators between them kept', () => {
    expect(maskText('0490 75 40 81')).toBe('******4081');
    expect(maskText('06.12.34.56.78')).toBe('*********56.78');
    expect(maskText('808-45-35')).toBe('****45-35');
    expect(maskText('0481.709.747')).toBe('*******9.747');
  });

  it('a dashed card shows its last four digits as written, the dash among them kept', () => {
    // An Amex grouped 4-4-4-3: the kept four are `5-890`.
    const body = '37482090887589';
    const amex = `${body}${luhnCheckDigit(body)}`;
    const dashed = `${amex.slice(0, 4)}-${amex.slice(4, 8)}-${amex.slice(8, 12)}-${amex.slice(12)}`;
    expect(findSensitiveSpans(dashed)).toEqual([{ start: 0, end: dashed.length, kind: 'card' }]);
    expect(maskText(dashed)).toBe(`${'*'.repeat(13)}${amex[11]}-${amex.slice(12)}`);
    expect(maskText(dashed)).toMatch(/^\*{13}\d-\d{3}$/);
  });

  it('the kept tail drops whitespace, as the rest of a number does', () => {
    expect(maskText('+44 7966 19 75 42')).toBe('*********7542');
    expect(maskText('555-123-4567 x12')).toBe('**********67x12');
  });

  it('masks the tail rule the same way for a whole value', () => {
    for (const value of ['06.12.34.56.78', '808-45-35', '+1-903-140-4508x769']) {
      expect(maskValue(value, 'phone')).toBe(maskText(value));
    }
  });

  it('masks in place, keeping the text around', () => {
    expect(maskText('Call +44 7966 197542 or write melissa@gmail.com, thanks'))
      .toBe('Call *********7542 or write m******@gmail.com, thanks');
  });

  it('masks a whole value of a known kind', () => {
    expect(maskValue('+447966197542', 'phone')).toBe('*********7542');
    expect(maskValue('melissa@gmail.com', 'email')).toBe('m******@gmail.com');
  });
});

describe('idempotence and the fast path', () => {
  it('masking masked output changes nothing more', () => {
    const text = 'card 4111 1111 1111 1111, +1 (123) 456-7890, melissa@gmail.com, NL91ABNA0417164300, 123.45.6789';
    const once = maskText(text);
    expect(once).not.toBe(text);
    expect(maskText(once)).toBe(once);
    expect(findSensitiveSpans(once)).toEqual([]);
  });

  it('returns the same string instance when nothing is found', () => {
    const text = ['Hello', 'no PII here at 10:30, order #123'].join(' ');
    expect(maskText(text)).toBe(text);
  });
});

describe('createMasker', () => {
  it('masks when enabled and is the identity when disabled', () => {
    const text = 'mail melissa@gmail.com';
    expect(createMasker(true).mask(text)).toBe('mail m******@gmail.com');
    expect(createMasker(false).mask(text)).toBe(text);
  });
});
