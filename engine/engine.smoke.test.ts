import { describe, expect, it } from 'vitest';
import { Harness } from './testing/harness.js';
import { checkInvariants } from './testing/invariants.js';

describe('engine: a conversation from arrival to wrap-up', () => {
  it('offers to the available agent, accepts, ends and frees capacity on wrap-up', () => {
    const h = new Harness({ queues: [{ name: 'support' }] });
    h.do({ type: 'addAsset', assetId: 'wa', channel: 'whatsapp', queue: 'support', label: '+15550001111' });
    h.do({ type: 'addAgent', agentId: 'ann', queues: ['support'], capacity: 1 });
    const id = h.arrive('wa', 'cust-1');
    expect(h.of('offer')).toHaveLength(0); // ann is idle
    h.nowMs = 1000;
    h.do({ type: 'setState', agentId: 'ann', state: 'available' });
    const offer = h.offerFor('ann');
    expect(offer.conversationId).toBe(id);
    expect(offer.receivedAtMs).toBe(0);
    h.nowMs = 3000;
    h.do({ type: 'accept', agentId: 'ann', offerId: offer.offerId });
    expect(h.one('answered')).toMatchObject({ arrivedAtMs: 0, atMs: 3000 });
    h.do({ type: 'end', agentId: 'ann', conversationId: id });
    expect(h.one('ended').endState).toBe('completed');
    expect(h.engine.core.agents.get('ann')!.load).toBe(1);
    h.do({ type: 'wrapUp', agentId: 'ann', conversationId: id, reason: 'Resolved' });
    expect(h.engine.core.agents.get('ann')!.load).toBe(0);
    expect(h.engine.core.conversations.size).toBe(0);
    expect(checkInvariants(h.engine.core)).toEqual([]);
  });
});
