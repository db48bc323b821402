// Round robin: agents in the fixed order they joined the queue; each offer
// goes to the next eligible agent after the one offered last.
import { describe, expect, it } from 'vitest';
import { Harness } from '../../testing/harness.js';
import { checkInvariants } from '../../testing/invariants.js';

function setup(): Harness {
  const h = new Harness({ queues: [{ name: 'support', routing: 'round-robin' }] });
  h.do({ type: 'addAsset', assetId: 'sms', channel: 'sms', queue: 'support', label: 'n' });
  for (const agentId of ['ann', 'bob', 'cat']) h.do({ type: 'addAgent', agentId, queues: ['support'], capacity: 5 });
  // Available in the reverse order they joined: the rotation follows joining, not availability.
  for (const agentId of ['cat', 'bob', 'ann']) h.do({ type: 'setState', agentId, state: 'available' });
  return h;
}

function offeredTo(h: Harness, customerId: string): string {
  h.arrive('sms', customerId);
  const offers = h.of('offer');
  expect(offers).toHaveLength(1);
  return offers[0]!.agentId;
}

describe('round-robin routing', () => {
  it('offers in a fixed rotation', () => {
    const h = setup();
    const got = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7'].map((c) => offeredTo(h, c));
    expect(got).toEqual(['ann', 'bob', 'cat', 'ann', 'bob', 'cat', 'ann']);
    expect(checkInvariants(h.engine.core)).toEqual([]);
  });

  it('skips an agent that is not available and gives it its turn again when it is back', () => {
    const h = setup();
    expect(['c1', 'c2', 'c3', 'c4'].map((c) => offeredTo(h, c))).toEqual(['ann', 'bob', 'cat', 'ann']);
    h.do({ type: 'setState', agentId: 'bob', state: 'idle' });
    expect(['c5', 'c6'].map((c) => offeredTo(h, c))).toEqual(['cat', 'ann']);
    h.do({ type: 'setState', agentId: 'bob', state: 'available' });
    expect(['c7', 'c8'].map((c) => offeredTo(h, c))).toEqual(['bob', 'cat']);
    expect(checkInvariants(h.engine.core)).toEqual([]);
  });

  it('skips an agent at full capacity', () => {
    const h = new Harness({ queues: [{ name: 'support', routing: 'round-robin' }] });
    h.do({ type: 'addAsset', assetId: 'sms', channel: 'sms', queue: 'support', label: 'n' });
    h.do({ type: 'addAgent', agentId: 'ann', queues: ['support'], capacity: 1 });
    h.do({ type: 'addAgent', agentId: 'bob', queues: ['support'], capacity: 3 });
    for (const agentId of ['ann', 'bob']) h.do({ type: 'setState', agentId, state: 'available' });
    expect(['c1', 'c2', 'c3'].map((c) => offeredTo(h, c))).toEqual(['ann', 'bob', 'bob']);
    expect(checkInvariants(h.engine.core)).toEqual([]);
  });
});
