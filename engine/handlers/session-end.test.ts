// Zendesk-style session end: the channel closes for this conversation, history
// records it, notes stay possible, the customer's next message opens a new
// conversation, capacity is freed now or after wrap-up as the tenant says.
import { describe, expect, it } from 'vitest';
import { Harness } from '../testing/harness.js';
import { checkInvariants } from '../testing/invariants.js';
import type { TenantSettings } from '../model/tenant.js';

/** Ann (capacity 1) holds an accepted WhatsApp conversation with cust; a second customer waits. */
function setup(tenant: Partial<TenantSettings> = {}): { h: Harness; id: number; waiting: number } {
  const h = new Harness({ queues: [{ name: 'support' }], tenant });
  h.do({ type: 'addAsset', assetId: 'wa', channel: 'whatsapp', queue: 'support', label: '+15550001111' });
  h.do({ type: 'addAgent', agentId: 'ann', queues: ['support'], capacity: 1 });
  h.do({ type: 'setState', agentId: 'ann', state: 'available' });
  const id = h.arrive('wa', 'cust', 'hello');
  h.nowMs = 1_000;
  h.do({ type: 'accept', agentId: 'ann', offerId: h.offerFor('ann').offerId });
  h.nowMs = 2_000;
  const waiting = h.arrive('wa', 'other');
  h.nowMs = 10_000;
  return { h, id, waiting };
}

function expectSound(h: Harness): void {
  expect(checkInvariants(h.engine.core)).toEqual([]);
}

describe('session end', () => {
  it('is refused with E_SESSION_END_DISABLED when agents may not end sessions', () => {
    const { h, id } = setup({ agentsCanEndSessions: false });
    expect(h.try({ type: 'endSession', agentId: 'ann', conversationId: id })?.code).toBe('E_SESSION_END_DISABLED');
    expect(h.events).toEqual([]);
    expect(h.engine.core.conversations.get(id)!.sessionEnded).toBe(false);
    h.do({ type: 'setTenant', settings: { agentsCanEndSessions: true } });
    h.do({ type: 'endSession', agentId: 'ann', conversationId: id });
    expect(h.one('sessionEnded').conversationId).toBe(id);
    expectSound(h);
  });

  it('records a history entry, tells the agents, and does not tell the customer', () => {
    const { h, id } = setup();
    h.do({ type: 'endSession', agentId: 'ann', conversationId: id });
    expect(h.one('sessionEnded')).toEqual({ type: 'sessionEnded', conversationId: id, agentIds: ['ann'], atMs: 10_000 });
    expect(h.of('closed')).toEqual([]);
    expect(h.of('message')).toEqual([]);
    expect(h.of('csatSurvey')).toEqual([]);
    const history = h.engine.core.conversations.get(id)!.transcript;
    expect(history.at(-1)).toMatchObject({ from: 'system', text: 'Messaging session ended', atMs: 10_000, internal: true });
    expectSound(h);
  });

  it("the customer's next message opens a new conversation with a new id", () => {
    const { h, id } = setup();
    h.do({ type: 'endSession', agentId: 'ann', conversationId: id });
    h.nowMs = 20_000;
    h.do({ type: 'customerMessage', assetId: 'wa', customerId: 'cust', text: 'one more thing' });
    const arrived = h.one('arrived');
    expect(arrived.conversationId).not.toBe(id);
    expect(arrived).toMatchObject({ customerId: 'cust', atMs: 20_000 });
    // Nothing of it reaches the old conversation.
    expect(h.engine.core.conversations.get(id)!.transcript.map((e) => e.text)).not.toContain('one more thing');
    expectSound(h);
  });

  it('internal notes are still allowed after it; replies are refused with E_SESSION_ENDED', () => {
    for (const releaseCapacityOnSessionEnd of [false, true]) {
      const { h, id } = setup({ releaseCapacityOnSessionEnd });
      h.do({ type: 'endSession', agentId: 'ann', conversationId: id });
      h.do({ type: 'note', agentId: 'ann', conversationId: id, text: 'customer was happy' });
      expect(h.one('note')).toMatchObject({ conversationId: id, agentId: 'ann', maskedText: 'customer was happy', agentIds: ['ann'] });
      expect(h.try({ type: 'reply', agentId: 'ann', conversationId: id, text: 'hello?' })?.code).toBe('E_SESSION_ENDED');
      expect(h.events).toEqual([]);
      expect(h.try({ type: 'endSession', agentId: 'ann', conversationId: id })?.code).toBe('E_SESSION_ENDED');
      expectSound(h);
    }
  });

  it('releaseCapacityOnSessionEnd on: capacity is freed at once and the agent gets the next conversation', () => {
    const { h, id, waiting } = setup({ releaseCapacityOnSessionEnd: true });
    h.do({ type: 'endSession', agentId: 'ann', conversationId: id });
    expect(h.one('ended')).toMatchObject({ conversationId: id, endState: 'completed', atMs: 10_000 });
    expect(h.offerFor('ann').conversationId).toBe(waiting);
    expect(h.of('wrapUpRequired')).toEqual([]);
    expectSound(h);
    // Closing it on the desktop needs no wrap-up and is not counted again.
    h.do({ type: 'end', agentId: 'ann', conversationId: id });
    expect(h.events.filter((e) => e.type !== 'offer' && e.type !== 'timer')).toEqual([]);
    expect(h.engine.core.conversations.has(id)).toBe(false);
    expectSound(h);
  });

  it('releaseCapacityOnSessionEnd off: capacity is held until end and wrap-up', () => {
    const { h, id, waiting } = setup({ releaseCapacityOnSessionEnd: false });
    h.do({ type: 'endSession', agentId: 'ann', conversationId: id });
    expect(h.of('offer')).toEqual([]);
    expect(h.of('ended')).toEqual([]);
    expect(h.engine.core.agents.get('ann')!.load).toBe(1);
    h.do({ type: 'end', agentId: 'ann', conversationId: id });
    expect(h.one('ended')).toMatchObject({ conversationId: id, endState: 'completed' });
    expect(h.of('closed')).toEqual([]); // the customer is still not told
    expect(h.of('offer')).toEqual([]);
    h.do({ type: 'wrapUp', agentId: 'ann', conversationId: id, reason: 'Resolved' });
    expect(h.offerFor('ann').conversationId).toBe(waiting);
    expectSound(h);
  });

  it('csatOnSessionEnd sends the customer a CSAT survey', () => {
    const { h, id } = setup({ csatOnSessionEnd: true });
    h.do({ type: 'endSession', agentId: 'ann', conversationId: id });
    expect(h.one('csatSurvey')).toEqual({ type: 'csatSurvey', conversationId: id, customerId: 'cust' });
    expect(h.of('closed')).toEqual([]);
  });

  it('is refused during a conference and on an interrupted conversation', () => {
    const { h, id } = setup();
    h.do({ type: 'addAgent', agentId: 'bob', queues: [], capacity: 1 });
    h.do({ type: 'setState', agentId: 'bob', state: 'available' });
    h.do({ type: 'conference', agentId: 'ann', conversationId: id, agent: 'bob' });
    expect(h.try({ type: 'endSession', agentId: 'ann', conversationId: id })?.code).toBe('E_BAD_STATE');
    h.do({ type: 'endConference', agentId: 'ann', conversationId: id });
    h.do({ type: 'deleteAsset', assetId: 'wa' });
    expect(h.try({ type: 'endSession', agentId: 'ann', conversationId: id })?.code).toBe('E_INTERRUPTED');
    expect(h.events).toEqual([]);
    expectSound(h);
  });
});
