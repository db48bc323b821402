// Properties of the masking core (fast-check): generated PII is always found
// and masked, masked output holds nothing detectable, masking is idempotent,
// and PII-free text comes back untouched.
import fc from 'fast-check';
import { groupDigits } from '../../sim/messages/draw.js';
import { describe, expect, it } from 'vitest';
import { luhnCheckDigit } from './card.js';
import { ibanCheckDigits } from './iban.js';
import { CUE_NONE, cueOfWord } from './phone-cue.js';
import { IBAN_LENGTH_BY_COUNTRY } from './iban-registry.js';
import { findSensitiveSpans, maskText, maskValue } from './index.js';
import type { SensitiveKind } from './sensitive-span.js';

interface PiiValue {
  text: string;
  kind: SensitiveKind;
}

const digits = (min: number, max: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((a) => a.join(''));

const cardBrands: Array<{ prefix: string; length: number; groups: number[] }> = [
  { prefix: '4', length: 16, groups: [4, 4, 4, 4] },
  { prefix: '4', length: 13, groups: [4, 4, 5] },
  { prefix: '51', length: 16, groups: [4, 4, 4, 4] },
  { prefix: '2221', length: 16, groups: [4, 4, 4, 4] },
  { prefix: '37', length: 15, groups: [4, 6, 5] },
  { prefix: '6011', length: 16, groups: [4, 4, 4, 4] },
  { prefix: '3530', length: 16, groups: [4, 4, 4, 4] },
  { prefix: '62', length: 19, groups: [4, 4, 4, 4, 3] },
  { prefix: '6759', length: 18, groups: [4, 4, 4, 4, 2] },
];

const cardArb: fc.Arbitrary<PiiValue> = fc
  .tuple(fc.constantFrom(...cardBrands), digits(20, 20), fc.constantFrom('', ' ', '-'))
  .map(([brand, fill, sep]) => {
    const body = brand.prefix + fill.slice(0, brand.length - brand.prefix.length - 1);
    const number = body + String(luhnCheckDigit(body));
    return { text: sep === '' ? number : groupDigits(number, brand.groups, sep), kind: 'card' as const };
  });

const ibanCountries = Object.keys(IBAN_LENGTH_BY_COUNTRY);
const alnum = fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.split(''));

const ibanArb: fc.Arbitrary<PiiValue> = fc
  .tuple(fc.constantFrom(...ibanCountries), fc.array(alnum, { minLength: 30, maxLength: 30 }),
    fc.boolean(), fc.constantFrom('upper', 'lower'))
  .map(([country, fill, spaced, letterCase]) => {
    const bban = fill.join('').slice(0, IBAN_LENGTH_BY_COUNTRY[country] - 4);
    let iban = country + ibanCheckDigits(country, bban) + bban;
    if (spaced) iban = iban.replace(/(.{4})(?=.)/g, '$1 ');
    return { text: letterCase === 'lower' ? iban.toLowerCase() : iban, kind: 'iban' as const };
  });

const ssnArb: fc.Arbitrary<PiiValue> = fc
  .tuple(fc.integer({ min: 1, max: 899 }).filter((a) => a !== 666), fc.integer({ min: 1, max: 99 }),
    fc.integer({ min: 1, max: 9999 }), fc.constantFrom('-', ' ', '.'))
  .map(([area, group, serial, sep]) => ({
    text: [String(area).padStart(3, '0'), String(group).padStart(2, '0'), String(serial).padStart(4, '0')].join(sep),
    kind: 'ssn' as const,
  }));

const nonZero = fc.integer({ min: 1, max: 9 }).map(String);
const twoToNine = fc.integer({ min: 2, max: 9 }).map(String);

const phoneArb: fc.Arbitrary<PiiValue> = fc.oneof(
  // +CC then 7..12 more digits, spaced, dashed or solid
  fc.tuple(nonZero, digits(1, 2), digits(7, 11), fc.constantFrom('', ' ', '-'))
    .map(([c, cc, rest, sep]) => `+${c}${cc}${sep === '' ? '' : ' '}${groupDigits(rest, [3, 3, 4], sep)}`),
  // 00CC national
  fc.tuple(nonZero, digits(1, 2), digits(7, 10)).map(([c, cc, rest]) => `00${c}${cc} ${groupDigits(rest, [2, 8], ' ')}`),
  // trunk 0 national, 9..12 digits, groups of two or more
  fc.tuple(nonZero, digits(7, 10), fc.constantFrom('', ' ', '-'))
    .map(([d, rest, sep]) => `0${d}${sep}${groupDigits(rest, [3, 2, 2, 2, 2], ' ')}`.replace(/ (\d)$/, '$1')),
  // (AAA) BBB-CCCC
  fc.tuple(twoToNine, digits(2, 2), twoToNine, digits(2, 2), digits(4, 4))
    .map(([a, aa, b, bb, c]) => `(${a}${aa}) ${b}${bb}-${c}`),
  // AAA-BBB-CCCC and AAA BBB CCC (with dots only 3-3-4: `200.000.000` is an amount)
  fc.tuple(twoToNine, digits(2, 2), digits(3, 3), digits(3, 4), fc.constantFrom('-', ' ', '.'))
    .filter(([, , , c, sep]) => !(sep === '.' && c.length === 3))
    .map(([a, aa, b, c, sep]) => [a + aa, b, c].join(sep)),
).map((text) => ({ text, kind: 'phone' as const }));

const localChar = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789._-+'.split(''));
const label = fc.array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'.split('')), { minLength: 1, maxLength: 10 })
  .map((a) => a.join(''));
const tld = fc.array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'.split('')), { minLength: 2, maxLength: 6 })
  .map((a) => a.join(''));

const emailArb: fc.Arbitrary<PiiValue> = fc
  .tuple(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'.split('')), fc.array(localChar, { minLength: 0, maxLength: 14 }),
    fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'.split('')), fc.array(label, { minLength: 1, maxLength: 2 }), tld)
  .map(([first, middle, last, labels, top]) => ({
    text: `${first}${middle.join('')}${last}@${[...labels, top].join('.')}`, kind: 'email' as const,
  }));

const piiArb: fc.Arbitrary<PiiValue> = fc.oneof(cardArb, ibanArb, ssnArb, phoneArb, emailArb);

// Filler words: none of them a phone or order word (phone-cue.ts), which would
// change what a bare number next to them reads as.
const word = fc.array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzäöüčřšéABCXYZ'.split('')), { minLength: 1, maxLength: 9 })
  .map((a) => a.join(''))
  .filter((w) => cueOfWord(w.toLowerCase()) === CUE_NONE);
const punctuated = fc.tuple(word, fc.constantFrom('', '', ',', '.', '!', '?', ':')).map(([w, p]) => w + p);
const smallNumber = fc.tuple(digits(1, 6), fc.constantFrom('', '€', '%', ',50', ':30')).map(([d, s]) => d + s);

/**
 * Words with short numbers, each number between two words: no number run can
 * reach the 7 digits of the shortest phone, and there is no `@`.
 */
const piiFreeTextArb: fc.Arbitrary<string> = fc
  .array(fc.tuple(punctuated, fc.option(smallNumber, { nil: undefined })), { minLength: 1, maxLength: 20 })
  .map((pairs) => pairs.flatMap(([w, n]) => (n === undefined ? [w] : [w, n])).join(' ') + ' end');

interface Placed {
  text: string;
  placed: Array<{ start: number; end: number; value: PiiValue }>;
}

/** PII-free text with the values put between its words. */
const textWithPiiArb: fc.Arbitrary<Placed> = fc
  .tuple(piiFreeTextArb, fc.array(fc.tuple(piiArb, piiFreeTextArb), { minLength: 1, maxLength: 4 }))
  .map(([head, rest]) => {
    let text = head;
    const placed: Placed['placed'] = [];
    for (const [value, tail] of rest) {
      text += ' ';
      placed.push({ start: text.length, end: text.length + value.text.length, value });
      text += `${value.text} ${tail}`;
    }
    return { text, placed };
  });

// Strings dense in everything the detectors react to.
const trickyCharArb = fc.constantFrom(...'0123456789 -.()+@*_abxyzDEGB.,/#:\n'.split(''));
const trickyTextArb = fc.array(trickyCharArb, { maxLength: 60 }).map((a) => a.join(''));
const trickyTokenArb = fc.constantFrom(
  '4111 1111 1111 1111', '4111111111111111', '+44 7966 197542', '0612345678', '(555) 123-4567', '123-45-6789',
  'DE89 3704 0044 0532 0130 00', 'melissa@gmail.com', '@a.bc', '0.25', ' ', '-', '.', '*', 'x', '00', '1', '(', ')',
);
const trickyTokensArb = fc.array(fc.oneof(trickyTokenArb, trickyCharArb), { maxLength: 14 }).map((a) => a.join(''));
const anyTextArb = fc.oneof(trickyTextArb, trickyTokensArb, textWithPiiArb.map((p) => p.text), fc.string());

describe('masking properties', () => {
  it('PII generated into random text is always found, as exactly that span and kind', () => {
    fc.assert(fc.property(textWithPiiArb, ({ text, placed }) => {
      const spans = findSensitiveSpans(text);
      for (const { start, end, value } of placed) {
        expect(spans).toContainEqual({ start, end, kind: value.kind });
      }
    }), { numRuns: 400 });
  });

  it('PII generated into random text never survives masking', () => {
    fc.assert(fc.property(textWithPiiArb, ({ text, placed }) => {
      const masked = maskText(text);
      for (const { value } of placed) expect(masked).not.toContain(value.text);
    }), { numRuns: 400 });
  });

  it('masked output contains nothing a detector would still find', () => {
    fc.assert(fc.property(anyTextArb, (text) => {
      expect(findSensitiveSpans(maskText(text))).toEqual([]);
    }), { numRuns: 3000 });
  });

  it('masking is idempotent', () => {
    fc.assert(fc.property(anyTextArb, (text) => {
      const once = maskText(text);
      expect(maskText(once)).toBe(once);
    }), { numRuns: 3000 });
  });

  it('text without PII comes back unchanged, as the same string', () => {
    fc.assert(fc.property(piiFreeTextArb, (text) => {
      expect(findSensitiveSpans(text)).toEqual([]);
      expect(maskText(text)).toBe(text);
    }), { numRuns: 1000 });
  });

  it('a whole value masks the same as a text holding only that value', () => {
    fc.assert(fc.property(piiArb, (value) => {
      expect(maskValue(value.text, value.kind)).toBe(maskText(value.text));
    }), { numRuns: 2000 });
  });

  it('spans never overlap and stay inside the text', () => {
    fc.assert(fc.property(anyTextArb, (text) => {
      let prevEnd = 0;
      for (const s of findSensitiveSpans(text)) {
        expect(s.start).toBeGreaterThanOrEqual(prevEnd);
        expect(s.end).toBeGreaterThan(s.start);
        expect(s.end).toBeLessThanOrEqual(text.length);
        prevEnd = s.end;
      }
    }), { numRuns: 2000 });
  });
});
