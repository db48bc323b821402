// Longest available: the agent that has waited longest since it became
// eligible or was last offered something gets the next conversation.
import { describe, expect, it } from 'vitest';
import { Harness } from '../../testing/harness.js';
import { checkInvariants } from '../../testing/invariants.js';

function setup(agents: string[], capacity: number): Harness {
  const h = new Harness({ queues: [{ name: 'support', routing: 'longest-available' }] });
  h.do({ type: 'addAsset', assetId: 'sms', channel: 'sms', queue: 'support', label: 'n' });
  for (const agentId of agents) h.do({ type: 'addAgent', agentId, queues: ['support'], capacity });
  return h;
}

function offeredTo(h: Harness): string {
  const offers = h.of('offer');
  expect(offers).toHaveLength(1);
  return offers[0]!.agentId;
}

describe('longest-available routing', () => {
  it('is the default policy', () => {
    const h = new Harness({ queues: [{ name: 'support' }] });
    h.do({ type: 'addAsset', assetId: 'sms', channel: 'sms', queue: 'support', label: 'n' });
    for (const agentId of ['ann', 'bob']) h.do({ type: 'addAgent', agentId, queues: ['support'], capacity: 1 });
    h.do({ type: 'setState', agentId: 'bob', state: 'available' });
    h.nowMs = 1_000;
    h.do({ type: 'setState', agentId: 'ann', state: 'available' });
    h.arrive('sms', 'c1');
    expect(offeredTo(h)).toBe('bob');
  });

  it('offers to the agent available longest, whatever order agents were added in', () => {
    const h = setup(['ann', 'bob', 'cat'], 1);
    for (const [t, agentId] of [[0, 'cat'], [1_000, 'ann'], [2_000, 'bob']] as const) {
      h.nowMs = t;
      h.do({ type: 'setState', agentId, state: 'available' });
    }
    h.nowMs = 5_000;
    const got = ['c1', 'c2', 'c3'].map((c) => (h.arrive('sms', c), offeredTo(h)));
    expect(got).toEqual(['cat', 'ann', 'bob']);
    expect(checkInvariants(h.engine.core)).toEqual([]);
  });

  it('after an offer the agent goes to the back, even with capacity to spare', () => {
    const h = setup(['ann', 'bob', 'cat'], 3);
    for (const agentId of ['ann', 'bob', 'cat']) h.do({ type: 'setState', agentId, state: 'available' });
    const got = ['c1', 'c2', 'c3', 'c4', 'c5'].map((c) => (h.arrive('sms', c), offeredTo(h)));
    expect(got).toEqual(['ann', 'bob', 'cat', 'ann', 'bob']);
    expect(checkInvariants(h.engine.core)).toEqual([]);
  });

  it('an agent freed by wrap-up joins the back of the line', () => {
    const h = setup(['ann', 'bob', 'cat'], 1);
    h.do({ type: 'setState', agentId: 'ann', state: 'available' });
    h.do({ type: 'setState', agentId: 'bob', state: 'available' });
    const first = h.arrive('sms', 'c1');
    expect(offeredTo(h)).toBe('ann');
    h.do({ type: 'accept', agentId: 'ann', offerId: h.offerFor('ann').offerId });
    h.do({ type: 'setState', agentId: 'cat', state: 'available' });
    h.do({ type: 'end', agentId: 'ann', conversationId: first });
    h.do({ type: 'wrapUp', agentId: 'ann', conversationId: first, reason: 'Resolved' });
    const got = ['c2', 'c3', 'c4'].map((c) => (h.arrive('sms', c), offeredTo(h)));
    expect(got).toEqual(['bob', 'cat', 'ann']);
    expect(checkInvariants(h.engine.core)).toEqual([]);
  });

  it('going idle and back loses the place in line', () => {
    const h = setup(['ann', 'bob'], 1);
    h.do({ type: 'setState', agentId: 'ann', state: 'available' });
    h.do({ type: 'setState', agentId: 'bob', state: 'available' });
    h.do({ type: 'setState', agentId: 'ann', state: 'idle' });
    h.do({ type: 'setState', agentId: 'ann', state: 'available' });
    h.arrive('sms', 'c1');
    expect(offeredTo(h)).toBe('bob');
  });
});
