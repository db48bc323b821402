// Which waiting conversation an agent gets: the oldest across all its queues,
// by place in line (arrival, or re-queue time after a transfer; RONA keeps it).
import { describe, expect, it } from 'vitest';
import { Harness } from '../testing/harness.js';
import { checkInvariants } from '../testing/invariants.js';

function setup(): Harness {
  const h = new Harness({ queues: [{ name: 'support' }, { name: 'billing' }] });
  h.do({ type: 'addAsset', assetId: 'sup', channel: 'sms', queue: 'support', label: 'n' });
  h.do({ type: 'addAsset', assetId: 'bil', channel: 'whatsapp', queue: 'billing', label: 'n' });
  h.do({ type: 'addAgent', agentId: 'ann', queues: ['support', 'billing'], capacity: 1 });
  return h;
}

/** Let ann take what it is offered, end it and wrap up; returns the conversation it was offered. */
function takeNext(h: Harness): number {
  const offer = h.offerFor('ann');
  h.do({ type: 'accept', agentId: 'ann', offerId: offer.offerId });
  h.do({ type: 'end', agentId: 'ann', conversationId: offer.conversationId });
  h.do({ type: 'wrapUp', agentId: 'ann', conversationId: offer.conversationId, reason: 'Resolved' });
  return offer.conversationId;
}

describe('queue order across an agent\'s queues', () => {
  it('offers the oldest waiting conversation, whichever queue it is in', () => {
    const h = setup();
    h.nowMs = 100;
    const b1 = h.arrive('bil', 'x');
    h.nowMs = 200;
    const s1 = h.arrive('sup', 'y');
    h.nowMs = 300;
    const b2 = h.arrive('bil', 'z');
    h.nowMs = 400;
    const s2 = h.arrive('sup', 'w');
    h.do({ type: 'setState', agentId: 'ann', state: 'available' });
    const order = [h.offerFor('ann').conversationId];
    for (let i = 0; i < 3; i++) {
      takeNext(h);
      order.push(h.offerFor('ann').conversationId);
    }
    expect(order).toEqual([b1, s1, b2, s2]);
    expect(checkInvariants(h.engine.core)).toEqual([]);
  });

  it('breaks ties at the same millisecond by arrival order', () => {
    const h = setup();
    const s1 = h.arrive('sup', 'a');
    const b1 = h.arrive('bil', 'b');
    const s2 = h.arrive('sup', 'c');
    h.do({ type: 'setState', agentId: 'ann', state: 'available' });
    const order = [takeNext(h), takeNext(h), h.offerFor('ann').conversationId];
    expect(order).toEqual([s1, b1, s2]);
  });

  it('a RONA return keeps its place against newer arrivals in the agent\'s other queue', () => {
    const h = setup();
    h.do({ type: 'addAgent', agentId: 'bob', queues: ['support'], capacity: 1 });
    h.do({ type: 'setState', agentId: 'bob', state: 'available' });
    const old = h.arrive('sup', 'a'); // t=0 -> bob
    h.nowMs = 10_000;
    const newer = h.arrive('bil', 'b'); // waits: ann is idle
    h.advance(20_000); // bob's offer expires at 30 000: back to support, ahead of `newer`
    expect(h.of('rona')).toHaveLength(1);
    h.do({ type: 'setState', agentId: 'ann', state: 'available' });
    expect(h.offerFor('ann').conversationId).toBe(old);
    takeNext(h);
    expect(h.offerFor('ann').conversationId).toBe(newer);
    expect(checkInvariants(h.engine.core)).toEqual([]);
  });

  it('a transfer to a queue takes a new place, behind those already waiting there', () => {
    const h = setup();
    h.do({ type: 'addAgent', agentId: 'bob', queues: ['support'], capacity: 1 });
    h.do({ type: 'setState', agentId: 'bob', state: 'available' });
    const moved = h.arrive('sup', 'a'); // t=0 -> bob
    h.do({ type: 'accept', agentId: 'bob', offerId: h.offerFor('bob').offerId });
    h.nowMs = 1_000;
    const waiting = h.arrive('bil', 'b');
    h.nowMs = 2_000;
    h.do({ type: 'transfer', agentId: 'bob', conversationId: moved, queue: 'billing' });
    expect([...h.engine.core.queues.get('billing')!.waiting].map((c) => c.id)).toEqual([waiting, moved]);
    h.do({ type: 'setState', agentId: 'ann', state: 'available' });
    expect(h.offerFor('ann').conversationId).toBe(waiting);
    takeNext(h);
    expect(h.offerFor('ann')).toMatchObject({ conversationId: moved, kind: 'transfer', receivedAtMs: 0 });
    expect(checkInvariants(h.engine.core)).toEqual([]);
  });
});
