// Masking never leaks: with the tenant's masking on, no agent-facing event
// (offer, conversation and its transcript, messages, notes, sources) holds
// anything a detector would still find, while the customer sees their own
// conversation unmasked. Conversations are driven through the engine with
// messages from the seeded PII generator, customers named by phone number.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Engine } from '../../engine/engine.js';
import type { EngineEvent } from '../../engine/events.js';
import { createMasker, findSensitiveSpans } from '../../engine/masking/index.js';
import { generateMessage } from '../../sim/messages/index.js';

/** Every string an agent would see in an event. */
function agentFacingTexts(e: EngineEvent): string[] {
  switch (e.type) {
    case 'offer': return [e.customer.name, e.customer.number, e.source];
    case 'conversation': return [e.customer.name, e.customer.number, e.source, ...e.transcript.map((t) => t.text)];
    case 'message': return [e.maskedText];
    case 'note': return [e.maskedText];
    default: return [];
  }
}

function drive(seed: number, maskOn: boolean): { events: EngineEvent[]; sent: Map<string, string[]> } {
  const masker = createMasker(true);
  const engine = new Engine({ queues: [{ name: 'q' }], tenant: { maskSensitiveData: maskOn }, mask: (t) => masker.mask(t) });
  const events: EngineEvent[] = [];
  let now = 0;
  const run = (cmd: Parameters<Engine['execute']>[0]) => {
    const out: EngineEvent[] = [];
    const refusal = engine.execute(cmd, now++, out);
    if (refusal) throw new Error(`${cmd.type}: ${refusal.code}`);
    events.push(...out);
    return out;
  };
  run({ type: 'addAsset', assetId: 'wa', channel: 'whatsapp', queue: 'q', label: '+1 202 555 0187' });
  run({ type: 'addAgent', agentId: 'ann', queues: ['q'], capacity: 1 });
  run({ type: 'addAgent', agentId: 'bob', queues: ['q'], capacity: 1 });
  run({ type: 'setState', agentId: 'ann', state: 'available' });
  const sent = new Map<string, string[]>();
  const text = (i: number) => generateMessage(seed * 100 + i, { piiShare: 1 }).text;
  for (let c = 0; c < 3; c++) {
    const customerId = `+44 7966 19${seed % 10}${c}542`;
    const first = text(c);
    sent.set(customerId, [first]);
    const offer = run({ type: 'customerMessage', assetId: 'wa', customerId, text: first, name: customerId, number: customerId }).find((e) => e.type === 'offer');
    if (offer?.type !== 'offer') throw new Error('no offer');
    run({ type: 'accept', agentId: 'ann', offerId: offer.offerId });
    const more = text(10 + c);
    sent.get(customerId)!.push(more);
    run({ type: 'customerMessage', assetId: 'wa', customerId, text: more });
    run({ type: 'reply', agentId: 'ann', conversationId: offer.conversationId, text: `Confirming ${text(20 + c).slice(0, 900)}` });
    run({ type: 'note', agentId: 'ann', conversationId: offer.conversationId, text: `Customer gave ${text(30 + c).slice(0, 900)}` });
    run({ type: 'setState', agentId: 'bob', state: 'available' });
    run({ type: 'conference', agentId: 'ann', conversationId: offer.conversationId, agent: 'bob' });
    const invite = events.findLast((e) => e.type === 'offer' && e.agentId === 'bob');
    if (invite?.type === 'offer') run({ type: 'accept', agentId: 'bob', offerId: invite.offerId });
    run({ type: 'end', agentId: 'ann', conversationId: offer.conversationId });
    run({ type: 'wrapUp', agentId: 'ann', conversationId: offer.conversationId, reason: 'Resolved' });
    run({ type: 'wrapUp', agentId: 'bob', conversationId: offer.conversationId, reason: 'Resolved' });
    run({ type: 'setState', agentId: 'bob', state: 'idle' });
  }
  return { events, sent };
}

describe('masking on every agent-facing surface', () => {
  it('no agent-facing text holds a detectable card, IBAN, SSN, email or phone', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const { events } = drive(seed, true);
        for (const e of events) {
          for (const text of agentFacingTexts(e)) {
            expect(findSensitiveSpans(text), `${e.type}: ${text}`).toEqual([]);
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('the checker has teeth: with masking off, the same run shows PII to agents', () => {
    const { events } = drive(7, false);
    const leaks = events.flatMap(agentFacingTexts).filter((t) => findSensitiveSpans(t).length > 0);
    expect(leaks.length).toBeGreaterThan(3);
  });

  it('customers see their conversation unmasked', () => {
    const { events } = drive(11, true);
    const toCustomer = events.filter((e): e is Extract<EngineEvent, { type: 'message' }> => e.type === 'message' && e.from === 'agent');
    expect(toCustomer.length).toBeGreaterThan(0);
    for (const m of toCustomer) {
      expect(m.text.startsWith('Confirming ')).toBe(true);
      expect(findSensitiveSpans(m.text).length).toBeGreaterThan(0);
      expect(m.maskedText).not.toBe(m.text);
    }
  });
});
