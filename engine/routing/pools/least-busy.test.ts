// Least busy: the eligible agent holding the fewest conversations; among
// equals, the one that has waited longest at that level.
import { describe, expect, it } from 'vitest';
import { Harness } from '../../testing/harness.js';
import { checkInvariants } from '../../testing/invariants.js';

function setup(): Harness {
  const h = new Harness({ queues: [{ name: 'support', routing: 'least-busy' }] });
  h.do({ type: 'addAsset', assetId: 'sms', channel: 'sms', queue: 'support', label: 'n' });
  for (const agentId of ['ann', 'bob', 'cat']) {
    h.do({ type: 'addAgent', agentId, queues: ['support'], capacity: 3 });
    h.do({ type: 'setState', agentId, state: 'available' });
  }
  return h;
}

/** A customer arrives and the agent it is offered to accepts; returns that agent and the conversation. */
function arriveAndAccept(h: Harness, customerId: string): { agentId: string; id: number } {
  const id = h.arrive('sms', customerId);
  const offers = h.of('offer');
  expect(offers).toHaveLength(1);
  const { agentId, offerId } = offers[0]!;
  h.do({ type: 'accept', agentId, offerId });
  return { agentId, id };
}

describe('least-busy routing', () => {
  it('offers to the agent holding the fewest conversations, ties to the one waiting longest', () => {
    const h = setup();
    const first = ['c1', 'c2', 'c3', 'c4'].map((c) => arriveAndAccept(h, c));
    expect(first.map((x) => x.agentId)).toEqual(['ann', 'bob', 'cat', 'ann']);
    // ann holds 2, bob and cat 1 each: bob has held 1 the longer.
    expect(arriveAndAccept(h, 'c5').agentId).toBe('bob');
    expect(arriveAndAccept(h, 'c6').agentId).toBe('cat');
    expect(checkInvariants(h.engine.core)).toEqual([]);

    // ann finishes one: it alone now holds the fewest, though bob and cat waited longer.
    const annFirst = first[0]!.id;
    h.do({ type: 'end', agentId: 'ann', conversationId: annFirst });
    h.do({ type: 'wrapUp', agentId: 'ann', conversationId: annFirst, reason: 'Resolved' });
    expect(arriveAndAccept(h, 'c7').agentId).toBe('ann');
    expect(checkInvariants(h.engine.core)).toEqual([]);
  });

  it('counts a conversation in wrap-up as held until the wrap-up is submitted', () => {
    const h = setup();
    const a = arriveAndAccept(h, 'c1'); // ann
    arriveAndAccept(h, 'c2'); // bob
    h.do({ type: 'end', agentId: 'ann', conversationId: a.id });
    // cat holds nothing; ann (in wrap-up) and bob hold one each.
    expect(arriveAndAccept(h, 'c3').agentId).toBe('cat');
    expect(arriveAndAccept(h, 'c4').agentId).toBe('ann');
  });

  it('skips agents that are not available', () => {
    const h = setup();
    h.do({ type: 'setState', agentId: 'ann', state: 'idle' });
    expect(['c1', 'c2', 'c3'].map((c) => arriveAndAccept(h, c).agentId)).toEqual(['bob', 'cat', 'bob']);
    expect(checkInvariants(h.engine.core)).toEqual([]);
  });
});
