// End and wrap-up: the agent ends, picks a wrap-up reason, and only then is
// its capacity freed for the next waiting conversation.
import { describe, expect, it } from 'vitest';
import { Harness } from '../testing/harness.js';
import { checkInvariants } from '../testing/invariants.js';

const REASONS = ['Resolved', 'Escalated'];

function setup(): { h: Harness; id: number } {
  const h = new Harness({ queues: [{ name: 'support' }], wrapUpReasons: REASONS });
  h.do({ type: 'addAsset', assetId: 'sms', channel: 'sms', queue: 'support', label: '+15550001111' });
  h.do({ type: 'addAgent', agentId: 'ann', queues: ['support'], capacity: 1 });
  h.do({ type: 'setState', agentId: 'ann', state: 'available' });
  const id = h.arrive('sms', 'c1');
  h.nowMs = 1_000;
  h.do({ type: 'accept', agentId: 'ann', offerId: h.offerFor('ann').offerId });
  return { h, id };
}

function expectSound(h: Harness): void {
  expect(checkInvariants(h.engine.core)).toEqual([]);
}

describe('end and wrap-up', () => {
  it('end counts the conversation completed, tells the customer, and opens wrap-up with the tenant reasons', () => {
    const { h, id } = setup();
    h.nowMs = 61_000;
    h.do({ type: 'end', agentId: 'ann', conversationId: id });
    expect(h.one('ended')).toEqual({ type: 'ended', conversationId: id, endState: 'completed', arrivedAtMs: 0, answeredAtMs: 1_000, atMs: 61_000 });
    expect(h.one('closed')).toEqual({ type: 'closed', conversationId: id, customerId: 'c1', reason: 'completed' });
    expect(h.one('wrapUpRequired')).toEqual({ type: 'wrapUpRequired', agentId: 'ann', conversationId: id, reasons: REASONS });
    expect(h.engine.core.agents.get('ann')!.assignments.get(id)!.phase).toBe('wrapUp');
    expectSound(h);
  });

  it('wrap-up with a reason reports its duration and the agent state, and frees the slot', () => {
    const { h, id } = setup();
    h.nowMs = 61_000;
    h.do({ type: 'end', agentId: 'ann', conversationId: id });
    h.nowMs = 76_500;
    h.do({ type: 'wrapUp', agentId: 'ann', conversationId: id, reason: 'Escalated' });
    expect(h.one('wrapUpDone')).toEqual({ type: 'wrapUpDone', agentId: 'ann', conversationId: id, reason: 'Escalated', durationMs: 15_500 });
    expect(h.one('agentState')).toEqual({ type: 'agentState', agentId: 'ann', state: 'available' });
    expect(h.engine.core.agents.get('ann')).toMatchObject({ load: 0 });
    expect(h.engine.core.agents.get('ann')!.assignments.size).toBe(0);
    expect(h.engine.core.conversations.has(id)).toBe(false);
    expectSound(h);
  });

  it('refuses a reason that is not offered with E_UNKNOWN_REASON, and the wrap-up stays pending', () => {
    const { h, id } = setup();
    h.do({ type: 'end', agentId: 'ann', conversationId: id });
    expect(h.try({ type: 'wrapUp', agentId: 'ann', conversationId: id, reason: 'Other' })?.code).toBe('E_UNKNOWN_REASON');
    expect(h.events).toEqual([]);
    expect(h.engine.core.agents.get('ann')!.assignments.get(id)!.phase).toBe('wrapUp');
    h.do({ type: 'wrapUp', agentId: 'ann', conversationId: id, reason: 'Resolved' });
    expectSound(h);
  });

  it('after wrap-up the agent is offered the oldest waiting conversation', () => {
    const { h, id } = setup();
    h.nowMs = 2_000;
    const next = h.arrive('sms', 'c2');
    h.nowMs = 3_000;
    h.arrive('sms', 'c3');
    expect(h.of('offer')).toEqual([]);
    h.do({ type: 'end', agentId: 'ann', conversationId: id });
    expect(h.of('offer')).toEqual([]);
    h.do({ type: 'wrapUp', agentId: 'ann', conversationId: id, reason: 'Resolved' });
    expect(h.offerFor('ann')).toMatchObject({ conversationId: next, receivedAtMs: 2_000 });
    expectSound(h);
  });

  it('an agent that went idle before wrapping up gets no new offer after it', () => {
    const { h, id } = setup();
    h.arrive('sms', 'c2');
    h.do({ type: 'setState', agentId: 'ann', state: 'idle', reason: 'Lunch' });
    h.do({ type: 'end', agentId: 'ann', conversationId: id });
    h.do({ type: 'wrapUp', agentId: 'ann', conversationId: id, reason: 'Resolved' });
    expect(h.one('agentState')).toMatchObject({ state: 'idle', reason: 'Lunch' });
    expect(h.of('offer')).toEqual([]);
    expectSound(h);
  });

  it('refuses wrap-up before end, a second end, and a second wrap-up', () => {
    const { h, id } = setup();
    expect(h.try({ type: 'wrapUp', agentId: 'ann', conversationId: id, reason: 'Resolved' })?.code).toBe('E_BAD_STATE');
    h.do({ type: 'end', agentId: 'ann', conversationId: id });
    expect(h.try({ type: 'end', agentId: 'ann', conversationId: id })?.code).toBe('E_BAD_STATE');
    expect(h.events).toEqual([]);
    h.do({ type: 'wrapUp', agentId: 'ann', conversationId: id, reason: 'Resolved' });
    expect(h.try({ type: 'wrapUp', agentId: 'ann', conversationId: id, reason: 'Resolved' })?.code).toBe('E_UNKNOWN_CONVERSATION');
    expect(h.events).toEqual([]);
    expectSound(h);
  });

  it("refuses to end someone else's conversation", () => {
    const { h, id } = setup();
    h.do({ type: 'addAgent', agentId: 'bob', queues: ['support'], capacity: 1 });
    expect(h.try({ type: 'end', agentId: 'bob', conversationId: id })?.code).toBe('E_NOT_ASSIGNED');
    expect(h.try({ type: 'end', agentId: 'ann', conversationId: 999 })?.code).toBe('E_UNKNOWN_CONVERSATION');
    expect(h.events).toEqual([]);
  });

  it('uses the default wrap-up reasons when the tenant names none', () => {
    const h = new Harness({ queues: [{ name: 'support' }] });
    h.do({ type: 'addAsset', assetId: 'sms', channel: 'sms', queue: 'support', label: 'n' });
    h.do({ type: 'addAgent', agentId: 'ann', queues: ['support'], capacity: 1 });
    h.do({ type: 'setState', agentId: 'ann', state: 'available' });
    const id = h.arrive('sms', 'c1');
    h.do({ type: 'accept', agentId: 'ann', offerId: h.offerFor('ann').offerId });
    h.do({ type: 'end', agentId: 'ann', conversationId: id });
    expect(h.one('wrapUpRequired').reasons).toContain('Resolved');
    h.do({ type: 'wrapUp', agentId: 'ann', conversationId: id, reason: 'Customer left' });
    expectSound(h);
  });
});
