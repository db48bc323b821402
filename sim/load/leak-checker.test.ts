import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findSensitiveSpans, maskText } from '../../engine/masking/index.js';
import { createMessageGenerator } from '../messages/index.js';
import { LeakChecker } from './leak-checker.js';

const PHONE = '+447966197542';
const CARD = '4111 1111 1111 1111';

describe('LeakChecker', () => {
  it('finds unmasked values in any text field, nested ones too, and keeps only kind, frame type and field', () => {
    const c = new LeakChecker(true);
    expect(c.check({ type: 'offer', offerId: 12345678901, conversationId: 7, receivedAt: 1795603511827, customer: { name: 'Ann', number: PHONE }, source: 'Chat widget' })).toBe(1);
    expect(c.check({ type: 'message', conversationId: 7, from: 'customer', text: `my card is ${CARD}, thanks`, at: 1795603511827 })).toBe(1);
    const r = c.result();
    expect(r.count).toBe(2);
    expect(r.byKind.phone).toBe(1);
    expect(r.byKind.card).toBe(1);
    expect(r.examples).toEqual([
      { kind: 'phone', frameType: 'offer', field: 'customer.number' },
      { kind: 'card', frameType: 'message', field: 'text' },
    ]);
    expect(JSON.stringify(r)).not.toContain('7542');
    expect(JSON.stringify(r)).not.toContain('1111');
  });

  it('masked text, ids and epoch times are no leak', () => {
    const c = new LeakChecker(true);
    expect(c.check({ type: 'offer', offerId: 4111111111111111, conversationId: 7, receivedAt: 1795603511827, customer: { name: 'Ann', number: maskText(PHONE) } })).toBe(0);
    expect(c.check({ type: 'message', text: maskText(`call ${PHONE} or pay with ${CARD}`) })).toBe(0);
    expect(c.result()).toMatchObject({ framesChecked: 2, count: 0, examples: [] });
  });

  it('keeps at most the examples asked for, counting every leak', () => {
    const c = new LeakChecker(false, 2);
    for (let i = 0; i < 5; i++) c.check({ type: 'message', text: `x ${PHONE}` });
    expect(c.result()).toMatchObject({ tenantMasks: false, count: 5 });
    expect(c.result().examples).toHaveLength(2);
  });
});

describe('the checker\'s shortcut', () => {
  it('text with no ASCII digit and no @ holds nothing the detectors find (so it is not scanned)', () => {
    const g = createMessageGenerator(9, { piiShare: 1, maxPiiPerMessage: 3, figureShare: 1 });
    const messages = Array.from({ length: 200 }, () => g.next().text);
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom(...messages)), fc.constantFrom('', '+', '(', '+(', '\uff11\uff12\uff13'), (text, extra) => {
      const stripped = `${extra}${text.replace(/[0-9@]/g, '')}${extra}`;
      expect(findSensitiveSpans(stripped)).toEqual([]);
    }), { numRuns: 500 });
  });

  it('skips identifier fields at any depth but reads every other text', () => {
    const c = new LeakChecker(true);
    const frame = { type: 'targets', queues: [{ name: 'support' }], agents: [{ agentId: '+447966197542', name: `Ann ${PHONE}`, state: 'available', canTake: true }] };
    expect(c.check(frame)).toBe(1);
    expect(c.result().examples).toEqual([{ kind: 'phone', frameType: 'targets', field: 'agents[0].name' }]);
  });
});
