import { describe, expect, it } from 'vitest';
import { findSensitiveSpans, maskText } from './index.js';

function found(text: string): Array<[string, string]> {
  return findSensitiveSpans(text).map((s) => [text.slice(s.start, s.end), s.kind]);
}

describe('one pass over mixed text', () => {
  it('finds every kind in one message, in order', () => {
    const text = 'Hi, card 4111 1111 1111 1111, IBAN DE89 3704 0044 0532 0130 00, SSN 123-45-6789, ' +
      'mail melissa@gmail.com, phone +44 7966 197542.';
    expect(found(text)).toEqual([
      ['4111 1111 1111 1111', 'card'],
      ['DE89 3704 0044 0532 0130 00', 'iban'],
      ['123-45-6789', 'ssn'],
      ['melissa@gmail.com', 'email'],
      ['+44 7966 197542', 'phone'],
    ]);
  });

  it('returns spans that do not overlap, sorted by start', () => {
    const text = '0612345678 4111 1111 1111 1111 0612345679 john0612345678@x.com 123-45-6789 0701234567';
    const spans = findSensitiveSpans(text);
    expect(spans.length).toBeGreaterThan(3);
    for (let k = 1; k < spans.length; k++) expect(spans[k].start).toBeGreaterThanOrEqual(spans[k - 1].end);
  });

  it('reads text with no trigger characters as having nothing', () => {
    expect(findSensitiveSpans('Hello, I need help with my order, thanks!')).toEqual([]);
    expect(findSensitiveSpans('')).toEqual([]);
  });
});

describe('validated PCI wins over a phone reading of the same digits', () => {
  it('a Luhn-valid card is a card even where a phone reading would fit', () => {
    // `0041 1111 1111 1111` alone would be a phone (00 and 14 digits).
    expect(found('0041 1111 1111 1111')).toEqual([['0041 1111 1111 1111', 'phone']]);
    expect(found('4111 1111 1111 1111')).toEqual([['4111 1111 1111 1111', 'card']]);
    // `+44 20 4111 1111 1111` would be a 16-digit Luhn-valid Visa without its `+`.
    expect(found('+44 20 4111 1111 1111 1111')).toEqual([['4111 1111 1111 1111', 'card']]);
  });

  it('a phone reading may not take the groups of a card', () => {
    // `06 4111 1111` alone would be a national phone number.
    expect(found('06 4111 1111')).toEqual([['06 4111 1111', 'phone']]);
    expect(found('06 4111 1111 1111 1111')).toEqual([['4111 1111 1111 1111', 'card']]);
    expect(found('call 06 123 45 6789')).toEqual([['123 45 6789', 'ssn']]);
  });

  it('phone readings fill the gaps around PCI in the same run', () => {
    expect(found('0612345678 4111 1111 1111 1111 0701234567')).toEqual([
      ['0612345678', 'phone'], ['4111 1111 1111 1111', 'card'], ['0701234567', 'phone'],
    ]);
  });
});

describe('numbers glued to their neighbours (cards only)', () => {
  it('order and part numbers glued to letters stay readable', () => {
    expect(found('SKU12345678901')).toEqual([]);
    expect(found('INV-2024-0612345678')).toEqual([]);
    expect(found('part ABC0612345678')).toEqual([]);
    expect(found('ticket ZD0612345678X')).toEqual([]);
  });

  it('a real card glued to letters is still masked', () => {
    expect(maskText('ABC4111111111111111')).toBe('ABC************1111');
    expect(maskText('4111111111111111EUR')).toBe('************1111EUR');
  });

  it('the fraction of a decimal is never sensitive, not even as a card', () => {
    expect(found('0.250750683890174')).toEqual([]);
    expect(found('0.4111111111111111')).toEqual([]);
    expect(found('Guthaben 93,4613601823830')).toEqual([]);
  });

  it('a card followed by a fraction is still a card', () => {
    expect(found('4111111111111111.5')).toEqual([['4111111111111111', 'card']]);
  });
});

describe('linear time on adversarial input (finishes, finds what is there)', () => {
  const MB = 1 << 20;

  it.each([
    ['letters', 'a'],
    ['digits', '7'],
    ['at signs', '@'],
    ['spaced digits', '1 '],
    ['dashed digits', '4-'],
    ['dots and spaces', '. '],
    ['parentheses', '(('],
    ['plus signs', '+ '],
    ['local-part letters and at signs', 'ab@'],
    ['domain-like', 'a.'],
    ['phones in one run', '0612345678 '],
    ['cards in one run', '4111 1111 1111 1111 '],
    ['SSNs in one run', '123-45-6789 '],
  ])('1 MB of %s', (_name, unit) => {
    const text = unit.repeat(Math.ceil(MB / unit.length));
    const spans = findSensitiveSpans(text);
    for (let k = 1; k < spans.length; k++) expect(spans[k].start).toBeGreaterThanOrEqual(spans[k - 1].end);
    expect(findSensitiveSpans(maskText(text))).toEqual([]);
  });

  it('a long local part before one @ is read once', () => {
    const text = `${'x'.repeat(MB)}@example.com`;
    expect(findSensitiveSpans(text)).toEqual([{ start: 0, end: text.length, kind: 'email' }]);
  });
});

describe('masked text reads the same as the text it came from (cases found by fuzzing)', () => {
  it.each([
    '6 88 76 17 00 4111 1111 1111 1111',
    'GB04RDGC1739803704262DE89 3704 0044 0532 0130 00',
    '64111 1111 1111 1111melissa@gmail.com',
    '11 00 20 78)-0melissa@gmail.com',
    '6 88 76 17 00(0(+358) 298711209',
    'order melissa@gmail.com\n9498777106',
    '(555) 123-4567 ext. 911 00 20 78',
    '64111 1111 1111 1111+44 7966 197542',
    '1-555-123-4567 4111 1111 1111 1111',
    '74111 1111 1111 1111@a.bc',
    'IR250319680046327346008018e9DE89 3704 0044 0532 0130 00',
    'IR2503196800463273460080189377 6506 0864 9762 1800 123456 78901',
    '64111 1111 1111 1111.DE89 3704 0044 0532 0130 00',
    '4111 1111 1111 1111+53365728',
    '64111 1111 1111 1111/a@b.cd',
    '64111 1111 1111 1111+4111 1111 1111 1111',
    '64111 1111 1111 1111-1melissa@gmail.com',
    '64111 1111 1111 1111(+358) 298711209',
    '5612 3456 7890IR250319680046327346008018@',
    '0612345678#467 3395-0049 30 1234567',
  ])('%s', (text) => {
    const once = maskText(text);
    expect(maskText(once)).toBe(once);
    expect(findSensitiveSpans(once)).toEqual([]);
  });

  it('masks a card right after a phone written with other separators', () => {
    expect(found('1-555-123-4567 4111 1111 1111 1111')).toEqual([
      ['1-555-123-4567', 'phone'], ['4111 1111 1111 1111', 'card'],
    ]);
  });
});
