import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskText } from '../engine/masking/index.js';
import { createMessageGenerator } from '../sim/messages/index.js';
import { idOfText, tagText } from './message-tag.js';

describe('message tags', () => {
  it('round-trip any id, and add no digit to the text', () => {
    fc.assert(fc.property(fc.string(), fc.nat(), (text, id) => {
      const tagged = tagText(text, id);
      expect(idOfText(tagged)).toBe(id);
      expect(tagged.slice(text.length)).not.toMatch(/[0-9]/);
    }));
  });

  it('survive masking of messages full of sensitive values', () => {
    const g = createMessageGenerator(3, { piiShare: 1, maxPiiPerMessage: 3 });
    for (let id = 0; id < 300; id++) {
      const tagged = tagText(g.next().text, id * 7919);
      expect(idOfText(maskText(tagged))).toBe(id * 7919);
    }
  });

  it('an untagged text has no id', () => {
    expect(idOfText('Hello, I need help [msg 12]')).toBe(-1);
    expect(idOfText('plain')).toBe(-1);
  });
});
