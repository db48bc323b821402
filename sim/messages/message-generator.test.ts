import { describe, expect, it } from 'vitest';
import { SENSITIVE_KINDS } from '../../engine/masking/index.js';
import { createRng } from '../random/prng.js';
import { MESSAGE_LOCALES, createMessageGenerator, generateMessage, generatePiiFreeMessage } from './index.js';

function take(seed: number, n: number, options = {}) {
  const g = createMessageGenerator(seed, options);
  return Array.from({ length: n }, () => g.next());
}

describe('message generator', () => {
  it('is deterministic: the same seed gives the same messages, another seed others', () => {
    expect(take(11, 50)).toEqual(take(11, 50));
    expect(take(12, 50)).not.toEqual(take(11, 50));
    expect(generateMessage(99)).toEqual(generateMessage(99));
  });

  it('draws from a seeded stream as well as from a seed', () => {
    const a = [generateMessage(createRng(5)), generateMessage(createRng(5))];
    expect(a[0]).toEqual(a[1]);
    const rng = createRng(5);
    expect(generateMessage(rng)).not.toEqual(generateMessage(rng));
  });

  it('says where each sensitive value is', () => {
    for (const m of take(3, 300, { piiShare: 1, maxPiiPerMessage: 3 })) {
      expect(m.spans.length).toBeGreaterThanOrEqual(1);
      expect(m.spans.length).toBeLessThanOrEqual(3);
      let prevEnd = 0;
      for (const s of m.spans) {
        expect(s.start).toBeGreaterThanOrEqual(prevEnd);
        expect(SENSITIVE_KINDS).toContain(s.kind);
        const value = m.text.slice(s.start, s.end);
        expect(value).toMatch(s.kind === 'email' ? /@/ : /\d/);
        prevEnd = s.end;
      }
    }
  });

  it('puts PII in about the configured share of messages', () => {
    const messages = take(4, 2000, { piiShare: 0.3 });
    const share = messages.filter((m) => m.spans.length > 0).length / messages.length;
    expect(share).toBeGreaterThan(0.26);
    expect(share).toBeLessThan(0.34);
  });

  it('writes only the kinds asked for, in the locales asked for', () => {
    const messages = take(6, 300, { piiShare: 1, kinds: ['iban', 'ssn'], locales: ['cs', 'sv'] });
    expect(new Set(messages.flatMap((m) => m.spans.map((s) => s.kind)))).toEqual(new Set(['iban', 'ssn']));
    expect(new Set(messages.map((m) => m.locale))).toEqual(new Set(['cs', 'sv']));
  });

  it('writes in every locale of the seed guides', () => {
    expect(new Set(take(7, 300).map((m) => m.locale))).toEqual(new Set(MESSAGE_LOCALES));
  });

  it('writes PII-free messages with figures but no sensitive value and no @', () => {
    let withDigits = 0;
    for (let seed = 0; seed < 500; seed++) {
      const m = generatePiiFreeMessage(seed);
      expect(m.spans).toEqual([]);
      expect(m.text).not.toContain('@');
      if (/\d/.test(m.text)) withDigits++;
    }
    expect(withDigits).toBeGreaterThan(200);
  });
});
