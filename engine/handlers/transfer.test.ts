// Transfer: to a queue (re-queued) or to an agent (offered; dropped and
// counted if not accepted). The transferring agent goes straight to wrap-up.
import { describe, expect, it } from 'vitest';
import { Harness } from '../testing/harness.js';
import { checkInvariants } from '../testing/invariants.js';

const RONA_MS = 30_000;

/** Ann holds one accepted WhatsApp conversation from `support`; others are added per test. */
function setup(annCapacity = 1): { h: Harness; id: number } {
  const h = new Harness({ queues: [{ name: 'support' }, { name: 'billing' }] });
  h.do({ type: 'addAsset', assetId: 'wa', channel: 'whatsapp', queue: 'support', label: '+15550001111' });
  h.do({ type: 'addAgent', agentId: 'ann', queues: ['support'], capacity: annCapacity });
  h.do({ type: 'setState', agentId: 'ann', state: 'available' });
  const id = h.arrive('wa', 'c1', 'I was double charged');
  h.nowMs = 2_000;
  h.do({ type: 'accept', agentId: 'ann', offerId: h.offerFor('ann').offerId });
  return { h, id };
}

function addAgent(h: Harness, agentId: string, queues: string[], available = true): void {
  h.do({ type: 'addAgent', agentId, queues, capacity: 1 });
  if (available) h.do({ type: 'setState', agentId, state: 'available' });
}

function expectSound(h: Harness): void {
  expect(checkInvariants(h.engine.core)).toEqual([]);
}

describe('transfer to a queue', () => {
  it('re-queues the conversation, puts the transferring agent in wrap-up, and is counted', () => {
    const { h, id } = setup();
    h.nowMs = 10_000;
    h.do({ type: 'transfer', agentId: 'ann', conversationId: id, queue: 'billing' });
    expect(h.one('transferred')).toEqual({ type: 'transferred', conversationId: id, to: 'queue', atMs: 10_000 });
    expect(h.one('wrapUpRequired')).toMatchObject({ agentId: 'ann', conversationId: id });
    const c = h.engine.core.conversations.get(id)!;
    expect(c).toMatchObject({ state: 'queued', owner: null });
    expect(c.queue.name).toBe('billing');
    expect([...h.engine.core.queues.get('billing')!.waiting].map((w) => w.id)).toEqual([id]);
    expect(h.engine.core.agents.get('ann')!.assignments.get(id)!.phase).toBe('wrapUp');
    expectSound(h);
  });

  it('is offered from the new queue with kind transfer; the new agent sees the history and no second answer is counted', () => {
    const { h, id } = setup();
    h.do({ type: 'transfer', agentId: 'ann', conversationId: id, queue: 'billing' });
    h.nowMs = 12_000;
    addAgent(h, 'bea', ['billing']);
    const offer = h.offerFor('bea');
    expect(offer).toMatchObject({ conversationId: id, kind: 'transfer', queue: 'billing', receivedAtMs: 0 });
    h.do({ type: 'accept', agentId: 'bea', offerId: offer.offerId });
    expect(h.of('answered')).toEqual([]);
    expect(h.one('conversation').transcript.map((e) => e.text)).toEqual(['I was double charged']);
    expect(h.engine.core.conversations.get(id)!.owner!.id).toBe('bea');
    expectSound(h);

    // Both agents hold it now: ann in wrap-up, bea working it.
    h.do({ type: 'wrapUp', agentId: 'ann', conversationId: id, reason: 'Transferred' });
    h.do({ type: 'end', agentId: 'bea', conversationId: id });
    expect(h.one('ended')).toMatchObject({ endState: 'completed', answeredAtMs: 2_000 });
    h.do({ type: 'wrapUp', agentId: 'bea', conversationId: id, reason: 'Resolved' });
    expect(h.engine.core.conversations.has(id)).toBe(false);
    expectSound(h);
  });

  it('is never offered back to the transferring agent while it wraps up', () => {
    const { h, id } = setup(2); // room for another offer while in wrap-up
    h.do({ type: 'transfer', agentId: 'ann', conversationId: id, queue: 'support' });
    expect(h.of('offer')).toEqual([]);
    expect(h.engine.core.eligible(h.engine.core.agents.get('ann')!)).toBe(true);
    expect(h.engine.core.conversations.get(id)!.state).toBe('queued');
    expectSound(h);
    // Once its wrap-up is done it no longer holds it, so it may get it again.
    h.do({ type: 'wrapUp', agentId: 'ann', conversationId: id, reason: 'Transferred' });
    expect(h.offerFor('ann')).toMatchObject({ conversationId: id, kind: 'transfer' });
    expectSound(h);
  });

  it('refuses an unknown queue', () => {
    const { h, id } = setup();
    expect(h.try({ type: 'transfer', agentId: 'ann', conversationId: id, queue: 'nope' })?.code).toBe('E_UNKNOWN_QUEUE');
    expect(h.events).toEqual([]);
    expect(h.engine.core.conversations.get(id)!.state).toBe('active');
  });
});

describe('transfer to an agent', () => {
  it('offers it to that agent with kind transfer; accepting makes it the owner', () => {
    const { h, id } = setup();
    addAgent(h, 'bob', ['billing']);
    h.nowMs = 9_000;
    h.do({ type: 'transfer', agentId: 'ann', conversationId: id, agent: 'bob' });
    expect(h.one('transferred')).toEqual({ type: 'transferred', conversationId: id, to: 'agent', atMs: 9_000 });
    expect(h.one('wrapUpRequired').agentId).toBe('ann');
    const offer = h.offerFor('bob');
    expect(offer).toMatchObject({ conversationId: id, kind: 'transfer', expiresAtMs: 9_000 + RONA_MS });
    expect(h.engine.core.conversations.get(id)!.state).toBe('offered');
    h.do({ type: 'accept', agentId: 'bob', offerId: offer.offerId });
    expect(h.one('conversation')).toMatchObject({ agentId: 'bob', role: 'owner' });
    expect(h.engine.core.conversations.get(id)).toMatchObject({ state: 'active' });
    expect(h.engine.core.conversations.get(id)!.owner!.id).toBe('bob');
    h.do({ type: 'reply', agentId: 'bob', conversationId: id, text: 'Refund on its way' });
    expect(h.one('message').agentIds).toEqual(['bob']);
    expectSound(h);
  });

  it('not accepted in time: the conversation is dropped (droppedOnTransfer) and the target goes to rona', () => {
    const { h, id } = setup();
    addAgent(h, 'bob', ['billing']);
    h.nowMs = 9_000;
    h.do({ type: 'transfer', agentId: 'ann', conversationId: id, agent: 'bob' });
    const offer = h.offerFor('bob');
    const fired = h.advance(RONA_MS);
    expect(h.one('offerRescinded', fired)).toMatchObject({ agentId: 'bob', offerId: offer.offerId, reason: 'rona' });
    expect(h.one('agentState', fired)).toMatchObject({ agentId: 'bob', state: 'rona' });
    expect(h.one('ended', fired)).toEqual({
      type: 'ended', conversationId: id, endState: 'droppedOnTransfer', arrivedAtMs: 0, answeredAtMs: 2_000, atMs: 9_000 + RONA_MS,
    });
    expect(h.one('closed', fired)).toMatchObject({ conversationId: id, reason: 'droppedOnTransfer' });
    // Not re-queued anywhere.
    for (const q of h.engine.core.queues.values()) expect(q.waiting.size).toBe(0);
    expectSound(h);

    // The transferring agent still wraps up; then the conversation is forgotten.
    h.do({ type: 'wrapUp', agentId: 'ann', conversationId: id, reason: 'Transferred' });
    expect(h.engine.core.conversations.has(id)).toBe(false);
    // The customer's next message opens a new conversation.
    h.do({ type: 'customerMessage', assetId: 'wa', customerId: 'c1', text: 'hello?' });
    expect(h.one('arrived').conversationId).not.toBe(id);
    expectSound(h);
  });

  it('refuses an agent that cannot take it now (idle, rona, or full) with E_TARGET_UNAVAILABLE', () => {
    const { h, id } = setup();
    addAgent(h, 'idle-ian', ['billing'], false);
    addAgent(h, 'full-fay', ['billing']);
    h.do({ type: 'addAsset', assetId: 'bill', channel: 'sms', queue: 'billing', label: 'n' });
    h.arrive('bill', 'c2');
    expect(h.offerFor('full-fay')).toBeDefined();
    for (const target of ['idle-ian', 'full-fay']) {
      expect(h.try({ type: 'transfer', agentId: 'ann', conversationId: id, agent: target })?.code).toBe('E_TARGET_UNAVAILABLE');
      expect(h.events).toEqual([]);
    }
    expect(h.try({ type: 'transfer', agentId: 'ann', conversationId: id, agent: 'ghost' })?.code).toBe('E_UNKNOWN_AGENT');
    expect(h.try({ type: 'transfer', agentId: 'ann', conversationId: id, agent: 'ann' })?.code).toBe('E_BAD_STATE');
    expect(h.engine.core.conversations.get(id)).toMatchObject({ state: 'active' });
    expectSound(h);
  });

  it('names exactly one of queue or agent', () => {
    const { h, id } = setup();
    addAgent(h, 'bob', ['billing']);
    expect(h.try({ type: 'transfer', agentId: 'ann', conversationId: id })?.code).toBe('E_MALFORMED');
    expect(h.try({ type: 'transfer', agentId: 'ann', conversationId: id, queue: 'billing', agent: 'bob' })?.code).toBe('E_MALFORMED');
    expect(h.events).toEqual([]);
    expect(h.engine.core.conversations.get(id)!.state).toBe('active');
  });

  it('only after accepting: an offered conversation cannot be transferred', () => {
    const h = new Harness({ queues: [{ name: 'support' }] });
    h.do({ type: 'addAsset', assetId: 'wa', channel: 'whatsapp', queue: 'support', label: 'n' });
    addAgent(h, 'ann', ['support']);
    const id = h.arrive('wa', 'c1');
    expect(h.try({ type: 'transfer', agentId: 'ann', conversationId: id, queue: 'support' })?.code).toBe('E_NOT_ASSIGNED');
  });
});
