// The masking core against the generator's ground truth: every value the
// generator wrote is found, as exactly that span and kind, and PII-free
// messages come back untouched.
import { describe, expect, it } from 'vitest';
import { findSensitiveSpans, maskText } from '../../engine/masking/index.js';
import { createMessageGenerator, generatePiiFreeMessage } from './index.js';

describe('masking recall on generated messages', () => {
  it('finds every generated value exactly (PII-dense messages)', () => {
    const g = createMessageGenerator(2024, { piiShare: 1, maxPiiPerMessage: 3 });
    for (let k = 0; k < 2000; k++) {
      const m = g.next();
      const found = findSensitiveSpans(m.text);
      for (const truth of m.spans) expect(found, m.text).toContainEqual(truth);
    }
  });

  it('masks no generated value into the output', () => {
    const g = createMessageGenerator(2025, { piiShare: 1, maxPiiPerMessage: 3 });
    for (let k = 0; k < 1000; k++) {
      const m = g.next();
      const masked = maskText(m.text);
      for (const s of m.spans) expect(masked).not.toContain(m.text.slice(s.start, s.end));
    }
  });

  it('finds nothing in PII-free messages', () => {
    for (let seed = 0; seed < 2000; seed++) {
      const m = generatePiiFreeMessage(seed);
      expect(findSensitiveSpans(m.text), m.text).toEqual([]);
    }
  });
});
