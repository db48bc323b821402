// Three-way conference: requested -> active on acceptance; either agent can
// leave and the chat goes on with the other; everyone who leaves wraps up.
import { describe, expect, it } from 'vitest';
import { Harness } from '../testing/harness.js';
import { checkInvariants } from '../testing/invariants.js';
import type { Channel } from '../model/channel.js';

const RONA_MS = 30_000;

/** Ann holds an accepted conversation on `channel`; bob (support) and cat (billing) are available. */
function setup(channel: Channel = 'whatsapp'): { h: Harness; id: number } {
  const h = new Harness({ queues: [{ name: 'support' }, { name: 'billing' }] });
  h.do({ type: 'addAsset', assetId: 'asset', channel, queue: 'support', label: 'source' });
  for (const [agentId, queue] of [['ann', 'support'], ['bob', 'support'], ['cat', 'billing']] as const) {
    h.do({ type: 'addAgent', agentId, name: agentId.toUpperCase(), queues: [queue], capacity: 1 });
  }
  h.do({ type: 'setState', agentId: 'ann', state: 'available' });
  const id = h.arrive('asset', 'cust', 'hello');
  h.do({ type: 'accept', agentId: 'ann', offerId: h.offerFor('ann').offerId });
  h.do({ type: 'setState', agentId: 'bob', state: 'available' });
  h.do({ type: 'setState', agentId: 'cat', state: 'available' });
  h.nowMs = 5_000;
  return { h, id };
}

/** Ann invites bob and bob accepts. */
function inConference(): { h: Harness; id: number } {
  const { h, id } = setup();
  h.do({ type: 'conference', agentId: 'ann', conversationId: id, agent: 'bob' });
  h.do({ type: 'accept', agentId: 'bob', offerId: h.offerFor('bob').offerId });
  return { h, id };
}

function expectSound(h: Harness): void {
  expect(checkInvariants(h.engine.core)).toEqual([]);
}

describe('conference', () => {
  it('goes from requested to active on acceptance, counts it, and says that an agent joined', () => {
    const { h, id } = setup();
    h.do({ type: 'conference', agentId: 'ann', conversationId: id, agent: 'bob' });
    expect(h.one('conferenceStatus')).toEqual({ type: 'conferenceStatus', conversationId: id, status: 'requested', agentIds: ['ann'] });
    const offer = h.offerFor('bob');
    expect(offer).toMatchObject({ conversationId: id, kind: 'conference', queue: 'support' });
    expect(h.engine.core.conversations.get(id)!.state).toBe('active'); // the chat goes on meanwhile
    h.do({ type: 'reply', agentId: 'ann', conversationId: id, text: 'one moment please' });
    expectSound(h);

    h.nowMs = 7_000;
    h.do({ type: 'accept', agentId: 'bob', offerId: offer.offerId });
    expect(h.one('conferenced')).toEqual({ type: 'conferenced', conversationId: id, atMs: 7_000 });
    expect(h.one('conferenceStatus')).toEqual({ type: 'conferenceStatus', conversationId: id, status: 'active', agentIds: ['ann', 'bob'] });
    expect(h.of('answered')).toEqual([]);
    const view = h.one('conversation');
    expect(view).toMatchObject({ agentId: 'bob', role: 'conference' });
    expect(view.transcript.map((e) => e.text)).toEqual(['hello', 'one moment please']);
    expect(h.one('message')).toMatchObject({ from: 'system', text: 'BOB joined the conversation', agentIds: ['ann', 'bob'] });

    // Both agents see the customer, and each other.
    h.do({ type: 'customerMessage', assetId: 'asset', customerId: 'cust', text: 'thanks' });
    expect(h.one('message').agentIds).toEqual(['ann', 'bob']);
    h.do({ type: 'reply', agentId: 'bob', conversationId: id, text: 'hi, billing here' });
    expect(h.one('message')).toMatchObject({ fromAgentId: 'bob', agentIds: ['ann', 'bob'] });
    expect(h.engine.core.agents.get('bob')!.load).toBe(1);
    expectSound(h);
  });

  it('the invited agent leaves (endConference): it wraps up and the chat continues with the first agent', () => {
    const { h, id } = inConference();
    h.do({ type: 'endConference', agentId: 'bob', conversationId: id });
    expect(h.one('conferenceStatus')).toMatchObject({ status: 'ended', agentIds: ['ann', 'bob'] });
    expect(h.one('wrapUpRequired').agentId).toBe('bob');
    expect(h.one('message')).toMatchObject({ from: 'system', text: 'BOB left the conversation', agentIds: ['ann'] });
    expect(h.of('ended')).toEqual([]);
    const c = h.engine.core.conversations.get(id)!;
    expect(c).toMatchObject({ state: 'active', conferenceStatus: 'none', conferenceAgent: null });
    expect(c.owner!.id).toBe('ann');

    h.do({ type: 'customerMessage', assetId: 'asset', customerId: 'cust', text: 'still there?' });
    expect(h.one('message').agentIds).toEqual(['ann']);
    h.do({ type: 'reply', agentId: 'ann', conversationId: id, text: 'yes' });
    expect(h.try({ type: 'reply', agentId: 'bob', conversationId: id, text: 'me too' })?.code).toBe('E_BAD_STATE');

    h.do({ type: 'wrapUp', agentId: 'bob', conversationId: id, reason: 'Other' });
    expect(h.engine.core.agents.get('bob')!.load).toBe(0);
    h.do({ type: 'end', agentId: 'ann', conversationId: id });
    expect(h.one('ended').endState).toBe('completed');
    expect(h.of('wrapUpRequired').map((e) => e.agentId)).toEqual(['ann']);
    expectSound(h);
  });

  it('the invited agent clicking End also only leaves the conference', () => {
    const { h, id } = inConference();
    h.do({ type: 'end', agentId: 'bob', conversationId: id });
    expect(h.of('ended')).toEqual([]);
    expect(h.one('wrapUpRequired').agentId).toBe('bob');
    expect(h.engine.core.conversations.get(id)!.state).toBe('active');
    expectSound(h);
  });

  it('the first agent ends the conference: it wraps up and the conversation stays with the other, who can reply and end', () => {
    const { h, id } = inConference();
    h.do({ type: 'endConference', agentId: 'ann', conversationId: id });
    expect(h.one('wrapUpRequired').agentId).toBe('ann');
    expect(h.one('conferenceStatus').status).toBe('ended');
    expect(h.one('message')).toMatchObject({ text: 'ANN left the conversation', agentIds: ['bob'] });
    expect(h.of('ended')).toEqual([]);
    const c = h.engine.core.conversations.get(id)!;
    expect(c.owner!.id).toBe('bob');
    expect(c.conferenceAgent).toBeNull();
    expectSound(h);

    expect(h.try({ type: 'reply', agentId: 'ann', conversationId: id, text: 'x' })?.code).toBe('E_BAD_STATE');
    h.do({ type: 'reply', agentId: 'bob', conversationId: id, text: 'I can help with that' });
    expect(h.one('message').agentIds).toEqual(['bob']);
    h.do({ type: 'wrapUp', agentId: 'ann', conversationId: id, reason: 'Transferred' });
    h.nowMs = 9_000;
    h.do({ type: 'end', agentId: 'bob', conversationId: id });
    expect(h.one('ended')).toMatchObject({ endState: 'completed', atMs: 9_000 });
    h.do({ type: 'wrapUp', agentId: 'bob', conversationId: id, reason: 'Resolved' });
    expect(h.engine.core.conversations.has(id)).toBe(false);
    expect(h.engine.core.heldSlots).toBe(0);
    expectSound(h);
  });

  it('ending the conversation during a conference sends both agents to wrap-up', () => {
    const { h, id } = inConference();
    h.do({ type: 'end', agentId: 'ann', conversationId: id });
    expect(h.one('ended').endState).toBe('completed');
    expect(h.of('wrapUpRequired').map((e) => e.agentId).sort()).toEqual(['ann', 'bob']);
    expect(h.engine.core.heldSlots).toBe(2);
    h.do({ type: 'wrapUp', agentId: 'ann', conversationId: id, reason: 'Resolved' });
    h.do({ type: 'wrapUp', agentId: 'bob', conversationId: id, reason: 'Resolved' });
    expect(h.engine.core.heldSlots).toBe(0);
    expectSound(h);
  });

  it('ending the conversation with an invitation pending withdraws it and says the conference ended', () => {
    const { h, id } = setup();
    h.do({ type: 'conference', agentId: 'ann', conversationId: id, agent: 'bob' });
    const invitation = h.offerFor('bob');
    h.do({ type: 'end', agentId: 'ann', conversationId: id });
    expect(h.one('offerRescinded')).toMatchObject({ agentId: 'bob', offerId: invitation.offerId, reason: 'cancelled' });
    expect(h.one('conferenceStatus')).toMatchObject({ conversationId: id, status: 'ended' });
    expectSound(h);
  });

  it('invitation not accepted: the status goes back to ended, the invitee goes to rona, and the chat continues', () => {
    const { h, id } = setup();
    h.do({ type: 'conference', agentId: 'ann', conversationId: id, agent: 'bob' });
    const offer = h.offerFor('bob');
    const fired = h.advance(RONA_MS);
    expect(h.one('offerRescinded', fired)).toMatchObject({ offerId: offer.offerId, reason: 'rona' });
    expect(h.one('conferenceStatus', fired)).toEqual({ type: 'conferenceStatus', conversationId: id, status: 'ended', agentIds: ['ann'] });
    expect(h.engine.core.agents.get('bob')!.state).toBe('rona');
    expect(h.of('ended', fired)).toEqual([]);
    expect(h.engine.core.conversations.get(id)).toMatchObject({ state: 'active', conferenceStatus: 'none' });
    h.do({ type: 'reply', agentId: 'ann', conversationId: id, text: 'nobody answered, I will help' });
    // A new conference may be asked for.
    h.do({ type: 'conference', agentId: 'ann', conversationId: id, agent: 'cat' });
    expect(h.offerFor('cat').kind).toBe('conference');
    expectSound(h);
  });

  it('the first agent may withdraw a pending invitation', () => {
    const { h, id } = setup();
    h.do({ type: 'conference', agentId: 'ann', conversationId: id, agent: 'bob' });
    const offer = h.offerFor('bob');
    h.do({ type: 'endConference', agentId: 'ann', conversationId: id });
    expect(h.one('offerRescinded')).toMatchObject({ agentId: 'bob', offerId: offer.offerId, reason: 'cancelled' });
    expect(h.one('conferenceStatus').status).toBe('ended');
    expect(h.of('wrapUpRequired')).toEqual([]);
    expect(h.engine.core.agents.get('bob')).toMatchObject({ state: 'available', load: 0 });
    expectSound(h);
  });

  it('a conference to a queue is offered to an agent of that queue on WhatsApp', () => {
    const { h, id } = setup('whatsapp');
    h.do({ type: 'conference', agentId: 'ann', conversationId: id, queue: 'billing' });
    expect(h.offerFor('cat')).toMatchObject({ conversationId: id, kind: 'conference' });
    h.do({ type: 'accept', agentId: 'cat', offerId: h.offerFor('cat').offerId });
    expect(h.one('conferenceStatus')).toMatchObject({ status: 'active', agentIds: ['ann', 'cat'] });
    expectSound(h);
  });

  it('a conference to a queue with nobody able to take it is refused', () => {
    const { h, id } = setup('whatsapp');
    h.do({ type: 'setState', agentId: 'cat', state: 'idle' });
    expect(h.try({ type: 'conference', agentId: 'ann', conversationId: id, queue: 'billing' })?.code).toBe('E_TARGET_UNAVAILABLE');
    expect(h.events).toEqual([]);
  });

  for (const channel of ['facebook', 'sms', 'livechat'] as const) {
    it(`a conference to a queue is not supported on ${channel}, to an agent it is`, () => {
      const { h, id } = setup(channel);
      expect(h.try({ type: 'conference', agentId: 'ann', conversationId: id, queue: 'billing' })?.code).toBe('E_NOT_SUPPORTED');
      expect(h.events).toEqual([]);
      expect(h.engine.core.conversations.get(id)!.conferenceStatus).toBe('none');
      h.do({ type: 'conference', agentId: 'ann', conversationId: id, agent: 'cat' });
      expect(h.offerFor('cat').kind).toBe('conference');
      expectSound(h);
    });
  }

  it('refuses a second conference, an unavailable target, oneself, and a conference started by the invitee', () => {
    const { h, id } = inConference();
    expect(h.try({ type: 'conference', agentId: 'ann', conversationId: id, agent: 'cat' })?.code).toBe('E_BAD_STATE');
    expect(h.try({ type: 'conference', agentId: 'bob', conversationId: id, agent: 'cat' })?.code).toBe('E_BAD_STATE');
    h.do({ type: 'endConference', agentId: 'bob', conversationId: id });
    h.do({ type: 'setState', agentId: 'cat', state: 'idle' });
    expect(h.try({ type: 'conference', agentId: 'ann', conversationId: id, agent: 'cat' })?.code).toBe('E_TARGET_UNAVAILABLE');
    expect(h.try({ type: 'conference', agentId: 'ann', conversationId: id, agent: 'ann' })?.code).toBe('E_BAD_STATE');
    expect(h.try({ type: 'conference', agentId: 'ann', conversationId: id })?.code).toBe('E_MALFORMED');
    expect(h.events).toEqual([]);
    expectSound(h);
  });

  it('endConference with no conference in progress is refused', () => {
    const { h, id } = setup();
    expect(h.try({ type: 'endConference', agentId: 'ann', conversationId: id })?.code).toBe('E_BAD_STATE');
    expect(h.events).toEqual([]);
  });
});
