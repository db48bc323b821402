// Agent states: only an available agent with spare capacity is offered work,
// idle carries a reason, and only the agent's own setState leaves RONA.
import { describe, expect, it } from 'vitest';
import { Harness } from '../testing/harness.js';
import { checkInvariants } from '../testing/invariants.js';

function setup(): Harness {
  const h = new Harness({ queues: [{ name: 'support' }] });
  h.do({ type: 'addAsset', assetId: 'sms', channel: 'sms', queue: 'support', label: '+15550001111' });
  return h;
}

function expectSound(h: Harness): void {
  expect(checkInvariants(h.engine.core)).toEqual([]);
}

describe('agent states', () => {
  it('a new agent is idle ("Logged in") and gets no offer until it sets itself available', () => {
    const h = setup();
    h.do({ type: 'addAgent', agentId: 'ann', queues: ['support'], capacity: 1 });
    expect(h.one('agentState')).toMatchObject({ agentId: 'ann', state: 'idle', reason: 'Logged in' });
    const id = h.arrive('sms', 'c1');
    expect(h.of('offer')).toEqual([]);
    h.nowMs = 500;
    h.do({ type: 'setState', agentId: 'ann', state: 'available' });
    expect(h.one('agentState')).toEqual({ type: 'agentState', agentId: 'ann', state: 'available' });
    expect(h.offerFor('ann').conversationId).toBe(id);
    expectSound(h);
  });

  it('idle takes a reason (default "Not ready") and stops new offers', () => {
    const h = setup();
    h.do({ type: 'addAgent', agentId: 'ann', queues: ['support'], capacity: 2 });
    h.do({ type: 'setState', agentId: 'ann', state: 'idle', reason: 'Lunch' });
    expect(h.one('agentState')).toMatchObject({ state: 'idle', reason: 'Lunch' });
    expect(h.engine.core.agents.get('ann')!.idleReason).toBe('Lunch');
    h.do({ type: 'setState', agentId: 'ann', state: 'idle' });
    expect(h.one('agentState')).toMatchObject({ state: 'idle', reason: 'Not ready' });
    h.arrive('sms', 'c1');
    expect(h.of('offer')).toEqual([]);
    expect(h.engine.core.queues.get('support')!.waiting.size).toBe(1);
    expectSound(h);
  });

  it('an available agent at full capacity gets no offer; the conversation waits', () => {
    const h = setup();
    h.do({ type: 'addAgent', agentId: 'ann', queues: ['support'], capacity: 1 });
    h.do({ type: 'setState', agentId: 'ann', state: 'available' });
    h.arrive('sms', 'c1');
    h.offerFor('ann');
    h.arrive('sms', 'c2');
    expect(h.of('offer')).toEqual([]);
    expect(h.engine.core.queues.get('support')!.waiting.size).toBe(1);
    expectSound(h);
  });

  it('an agent outside the queue is never offered its conversations', () => {
    const h = new Harness({ queues: [{ name: 'support' }, { name: 'sales' }] });
    h.do({ type: 'addAsset', assetId: 'sms', channel: 'sms', queue: 'support', label: 'n' });
    h.do({ type: 'addAgent', agentId: 'sam', queues: ['sales'], capacity: 3 });
    h.do({ type: 'setState', agentId: 'sam', state: 'available' });
    h.arrive('sms', 'c1');
    expect(h.of('offer')).toEqual([]);
    expectSound(h);
  });

  it('RONA is left only by the agent setting itself available, not by finishing wrap-up', () => {
    const h = setup();
    h.do({ type: 'addAgent', agentId: 'ann', queues: ['support'], capacity: 2 });
    h.do({ type: 'setState', agentId: 'ann', state: 'available' });
    const first = h.arrive('sms', 'c1');
    h.do({ type: 'accept', agentId: 'ann', offerId: h.offerFor('ann').offerId });
    const second = h.arrive('sms', 'c2');
    expect(h.offerFor('ann').conversationId).toBe(second);
    h.advance(30_000);
    expect(h.engine.core.agents.get('ann')!.state).toBe('rona');

    h.do({ type: 'end', agentId: 'ann', conversationId: first });
    h.do({ type: 'wrapUp', agentId: 'ann', conversationId: first, reason: 'Resolved' });
    // Wrap-up reports the agent's state, which is still RONA, and offers nothing.
    expect(h.one('agentState')).toMatchObject({ agentId: 'ann', state: 'rona' });
    expect(h.of('offer')).toEqual([]);
    expect(h.engine.core.agents.get('ann')!.state).toBe('rona');
    h.advance(600_000);
    expect(h.engine.core.agents.get('ann')!.state).toBe('rona');
    expectSound(h);

    h.do({ type: 'setState', agentId: 'ann', state: 'available' });
    expect(h.offerFor('ann').conversationId).toBe(second);
    expectSound(h);
  });

  it('from RONA the agent may also go idle by hand', () => {
    const h = setup();
    h.do({ type: 'addAgent', agentId: 'ann', queues: ['support'], capacity: 1 });
    h.do({ type: 'setState', agentId: 'ann', state: 'available' });
    h.arrive('sms', 'c1');
    h.advance(30_000);
    h.do({ type: 'setState', agentId: 'ann', state: 'idle', reason: 'Break' });
    expect(h.engine.core.agents.get('ann')).toMatchObject({ state: 'idle', idleReason: 'Break' });
    expect(h.of('offer')).toEqual([]);
    expectSound(h);
  });

  it('refuses a state other than available or idle, and an unknown agent', () => {
    const h = setup();
    h.do({ type: 'addAgent', agentId: 'ann', queues: ['support'], capacity: 1 });
    expect(h.try({ type: 'setState', agentId: 'ann', state: 'rona' as 'idle' })?.code).toBe('E_MALFORMED');
    expect(h.events).toEqual([]);
    expect(h.engine.core.agents.get('ann')!.state).toBe('idle');
    expect(h.try({ type: 'setState', agentId: 'zed', state: 'available' })?.code).toBe('E_UNKNOWN_AGENT');
    expect(h.events).toEqual([]);
  });
});
