// Pooled records (EngineCore's spare conversations, offers and
// assignments): a record reused for new work carries nothing of its past,
// and no record is reused while anything still holds it.
import { describe, expect, it } from 'vitest';
import { Harness } from './testing/harness.js';
import { checkInvariants } from './testing/invariants.js';

describe('record pools', () => {
  it('a conversation after a busy one starts clean: flags, history, holders, offer', () => {
    const h = new Harness({ queues: [{ name: 'q' }], tenant: { releaseCapacityOnSessionEnd: false } });
    h.do({ type: 'addAsset', assetId: 'wa', channel: 'whatsapp', queue: 'q', label: 'n' });
    for (const agentId of ['ann', 'bob']) {
      h.do({ type: 'addAgent', agentId, queues: ['q'], capacity: 1 });
      h.do({ type: 'setState', agentId, state: 'available' });
    }
    const first = h.arrive('wa', 'c1', 'first words');
    h.do({ type: 'accept', agentId: 'ann', offerId: h.offerFor('ann').offerId });
    h.do({ type: 'conference', agentId: 'ann', conversationId: first, agent: 'bob' });
    h.do({ type: 'accept', agentId: 'bob', offerId: h.offerFor('bob').offerId });
    h.do({ type: 'endConference', agentId: 'bob', conversationId: first });
    h.do({ type: 'wrapUp', agentId: 'bob', conversationId: first, reason: 'Resolved' });
    h.do({ type: 'endSession', agentId: 'ann', conversationId: first });
    h.do({ type: 'end', agentId: 'ann', conversationId: first });
    h.do({ type: 'wrapUp', agentId: 'ann', conversationId: first, reason: 'Resolved' });
    expect(h.engine.view.conversation(first)).toBeUndefined();
    const size = h.engine.core.conversations.size;

    // The next conversation may get the same record: it must look new.
    h.nowMs = 5_000;
    const second = h.arrive('wa', 'c2', 'hello');
    expect(second).toBeGreaterThan(first);
    expect(h.engine.core.conversations.size).toBe(size + 1);
    const offer = h.one('offer');
    const taker = offer.agentId;
    expect(h.engine.view.conversation(second)).toEqual({
      conversationId: second, state: 'offered', assetId: 'wa', channel: 'whatsapp', queue: 'q', customerId: 'c2', proactive: false,
      arrivedAtMs: 5_000, answeredAtMs: -1, ownerId: null, conferenceAgentId: null, conferenceStatus: 'none',
      interrupted: false, customerEnded: false, sessionEnded: false, conferenceToQueue: true,
    });
    expect(h.engine.view.history(second)).toEqual([{ from: 'customer', text: 'hello', atMs: 5_000, internal: false }]);
    expect(h.engine.view.offersOf(taker)).toEqual([{ offerId: offer.offerId, conversationId: second, kind: 'new', expiresAtMs: 35_000 }]);
    h.do({ type: 'accept', agentId: taker, offerId: offer.offerId });
    expect(h.engine.view.assignmentsOf(taker)).toEqual([{ conversationId: second, phase: 'active', role: 'owner' }]);
    expect(h.engine.view.heldSlots()).toBe(1);
    expect(checkInvariants(h.engine.core)).toEqual([]);
  });

  it('reuses records: thousands of conversations through one agent leave a handful of records', () => {
    const h = new Harness({ queues: [{ name: 'q' }] });
    h.do({ type: 'addAsset', assetId: 'sms', channel: 'sms', queue: 'q', label: 'n' });
    h.do({ type: 'addAgent', agentId: 'ann', queues: ['q'], capacity: 1 });
    h.do({ type: 'setState', agentId: 'ann', state: 'available' });
    const records = new Set<object>();
    for (let i = 0; i < 2_000; i++) {
      const id = h.arrive('sms', `c${i}`);
      records.add(h.engine.core.conversations.get(id)!);
      h.do({ type: 'accept', agentId: 'ann', offerId: h.offerFor('ann').offerId });
      h.do({ type: 'end', agentId: 'ann', conversationId: id });
      h.do({ type: 'wrapUp', agentId: 'ann', conversationId: id, reason: 'Resolved' });
    }
    expect(records.size).toBeLessThanOrEqual(2);
    expect(h.engine.core.conversations.size).toBe(0);
  });
});
