import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findSensitiveSpans, maskText } from '../engine/masking/index.js';
import { createMessageGenerator } from '../sim/messages/index.js';
import { LeakChecker } from './leak-checker.js';

const PHONE = '+447966197542';
const CARD = '4111 1111 1111 1111';

describe('LeakChecker: the oracle', () => {
  it('finds the injected values in any string field, nested ones and id fields too, and keeps only kind, frame type and field', () => {
    const c = new LeakChecker(true, [{ value: CARD, kind: 'card' }]);
    c.inject(PHONE, 'phone');
    expect(c.check({ type: 'offer', offerId: 12345678901, conversationId: 7, receivedAt: 1795603511827, customer: { name: 'Ann', number: PHONE }, source: 'Chat widget' })).toBe(1);
    expect(c.check({ type: 'message', conversationId: 7, from: 'customer', text: `my card is ${CARD}, thanks`, at: 1795603511827 })).toBe(1);
    expect(c.check({ type: 'targets', agents: [{ agentId: '+44 7966 197542', name: 'Ann' }] })).toBe(1);
    const r = c.result();
    expect(r).toMatchObject({ injectedValues: 2, count: 3, framesChecked: 3 });
    expect(r.byKind).toMatchObject({ phone: 2, card: 1 });
    expect(r.examples).toEqual([
      { kind: 'phone', frameType: 'offer', field: 'customer.number' },
      { kind: 'card', frameType: 'message', field: 'text' },
      { kind: 'phone', frameType: 'targets', field: 'agents[0].agentId' },
    ]);
    // The detectors, as before, skip id fields: they saw two.
    expect(r.detectors.count).toBe(2);
    expect(JSON.stringify(r)).not.toContain('7542');
    expect(JSON.stringify(r)).not.toContain('1111');
  });

  it('sees what the detectors cannot: hidden characters shown with the mask moved onto the visible part', () => {
    const c = new LeakChecker(true);
    c.inject('123-45-6789', 'ssn');
    c.inject('melissa@gmail.com', 'email');
    const frame = { type: 'message', text: 'ssn 123-45-****, mail melissa@*********' };
    expect(findSensitiveSpans(frame.text)).toEqual([]);
    expect(c.check(frame)).toBe(2);
    expect(c.result()).toMatchObject({ count: 2, byKind: { ssn: 1, email: 1 }, detectors: { count: 0 } });
  });

  it('identity fields: a customer id that is no number or address is not a value; one that is, is', () => {
    const c = new LeakChecker(true);
    c.injectIdentity('s0-17');
    c.injectIdentity('+44 7966 197542');
    expect(c.result().injectedValues).toBe(1);
    expect(c.check({ type: 'offer', customer: { name: 's0-17', number: '+44 7966 197542' } })).toBe(1);
  });

  it('masked text, ids and epoch times are no leak', () => {
    const c = new LeakChecker(true, [{ value: PHONE, kind: 'phone' }, { value: CARD, kind: 'card' }]);
    expect(c.check({ type: 'offer', offerId: 4111111111111111, conversationId: 7, receivedAt: 1795603511827, customer: { name: 'Ann', number: maskText(PHONE) } })).toBe(0);
    expect(c.check({ type: 'message', text: maskText(`call ${PHONE} or pay with ${CARD}`) })).toBe(0);
    expect(c.result()).toMatchObject({ framesChecked: 2, count: 0, examples: [], detectors: { count: 0 } });
  });

  it('keeps at most the examples asked for, counting every leak (once per value and field)', () => {
    const c = new LeakChecker(false, [{ value: PHONE, kind: 'phone' }], undefined, 2);
    for (let i = 0; i < 5; i++) c.check({ type: 'message', text: `x ${PHONE} and again ${PHONE}` });
    expect(c.result()).toMatchObject({ tenantMasks: false, count: 5, detectors: { count: 10 } });
    expect(c.result().examples).toHaveLength(2);
    expect(c.result().detectors.examples).toHaveLength(2);
  });
});

describe('LeakChecker: the detectors, second opinion', () => {
  it('find unmasked values the run did not inject (another client\'s), in text fields only', () => {
    const c = new LeakChecker(true);
    expect(c.check({ type: 'message', text: `my card is ${CARD}` })).toBe(0);
    const frame = { type: 'targets', queues: [{ name: 'support' }], agents: [{ agentId: '+447966197542', name: `Ann ${PHONE}`, state: 'available', canTake: true }] };
    expect(c.check(frame)).toBe(0);
    const r = c.result();
    expect(r.count).toBe(0);
    expect(r.detectors.count).toBe(2);
    expect(r.detectors.examples).toEqual([{ kind: 'card', frameType: 'message', field: 'text' }, { kind: 'phone', frameType: 'targets', field: 'agents[0].name' }]);
  });

  it('text with no ASCII digit and no @ holds nothing the detectors find (so they do not scan it)', () => {
    const g = createMessageGenerator(9, { piiShare: 1, maxPiiPerMessage: 3, figureShare: 1 });
    const messages = Array.from({ length: 200 }, () => g.next().text);
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom(...messages)), fc.constantFrom('', '+', '(', '+(', '\uff11\uff12\uff13'), (text, extra) => {
      const stripped = `${extra}${text.replace(/[0-9@]/g, '')}${extra}`;
      expect(findSensitiveSpans(stripped)).toEqual([]);
    }), { numRuns: 500 });
  });
});
