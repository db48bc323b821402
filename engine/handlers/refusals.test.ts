// A refused command answers a stable code, emits nothing and changes nothing:
// each kind of refusal is tried against a busy engine and a summary of the
// whole state is compared before and after.
import { describe, expect, it } from 'vitest';
import { Harness } from '../testing/harness.js';
import { checkInvariants } from '../testing/invariants.js';
import type { EngineCore } from '../core.js';
import type { Command } from '../commands.js';
import type { ErrorCode } from '../errors.js';
import type { AgentPool } from '../routing/agent-pool.js';
import type { Agent } from '../state/types.js';

/** Every agent of the pool in the order the policy would pick them now. */
function pickOrder(pool: AgentPool): string[] {
  const picked: Agent[] = [];
  for (let next = pool.pick(picked); next !== null; next = pool.pick(picked)) picked.push(next);
  return picked.map((a) => a.id);
}

function summary(core: EngineCore): string {
  return JSON.stringify({
    nowMs: core.nowMs,
    tenant: core.tenant,
    heldSlots: core.heldSlots,
    // Ids handed out so far: a refusal must not use one up.
    counters: [core['nextConversationId'], core['nextOfferId'], core['enqueueSeq']],
    queues: [...core.queues.values()].map((q) => ({ name: q.name, waiting: [...q.waiting].map((c) => c.id), size: q.waiting.size, picks: pickOrder(q.pool) })),
    assets: [...core.assets.values()].map((a) => ({
      id: a.id, open: a.open, byCustomer: [...a.byCustomer].map(([customerId, c]) => [customerId, c.id]),
    })),
    agents: [...core.agents.values()].map((a) => ({
      id: a.id, state: a.state, idleReason: a.idleReason, capacity: a.capacity, load: a.load,
      offers: [...a.offers.keys()],
      assignments: [...a.assignments.values()].map((x) => [x.conversation.id, x.phase, x.wrapUpSinceMs]),
    })),
    conversations: [...core.conversations.values()].map((c) => ({
      id: c.id, state: c.state, queue: c.queue.name, queuedKind: c.queuedKind, place: [c.enqueuedAtMs, c.enqueueSeq],
      owner: c.owner?.id ?? null, conferenceAgent: c.conferenceAgent?.id ?? null, conferenceStatus: c.conferenceStatus,
      offer: c.offer?.id ?? null, heldBy: c.heldBy.map((a) => a.id), answeredAtMs: c.answeredAtMs,
      flags: [c.interrupted, c.customerEnded, c.sessionEnded], transcript: c.transcript.length,
    })),
    offers: [...core.offers.values()].map((o) => [o.id, o.agent.id, o.conversation.id, o.kind, o.expiresAtMs]),
  });
}

/**
 * A busy engine. ann (support, 3) holds wa1 (WhatsApp), chat1 (Livechat, the
 * customer ended it) and chat2 (Livechat). bob (support, 1) has a pending offer
 * for wa2; wa3 and wa4 wait. cat (billing, 2) holds fb1 (session ended,
 * capacity kept) and sms1 (its asset deleted). fay (support, 1) wraps up wa5.
 * eve (billing) is in RONA, fb2 waits in billing. dan is idle at lunch.
 * Agents may no longer end sessions.
 */
function busyEngine(): { h: Harness; ids: Record<string, number>; bobOffer: number; staleOffer: number } {
  const h = new Harness({
    queues: [{ name: 'support' }, { name: 'billing', routing: 'round-robin' }],
    tenant: { releaseCapacityOnSessionEnd: false },
  });
  const ids: Record<string, number> = {};
  const take = (agentId: string, assetId: string, customerId: string): number => {
    const id = h.arrive(assetId, customerId);
    const offer = h.offerFor(agentId);
    h.do({ type: 'accept', agentId, offerId: offer.offerId });
    ids[customerId] = id;
    h.nowMs += 100;
    return offer.offerId;
  };
  h.do({ type: 'addAsset', assetId: 'wa', channel: 'whatsapp', queue: 'support', label: '+15550001111' });
  h.do({ type: 'addAsset', assetId: 'chat', channel: 'livechat', queue: 'support', label: 'widget' });
  h.do({ type: 'addAsset', assetId: 'fb', channel: 'facebook', queue: 'billing', label: 'page' });
  h.do({ type: 'addAsset', assetId: 'sms', channel: 'sms', queue: 'billing', label: '+15550002222' });
  for (const [agentId, queues, capacity] of [
    ['ann', ['support'], 3], ['bob', ['support'], 1], ['cat', ['billing'], 2],
    ['fay', ['support'], 1], ['eve', ['billing'], 1], ['dan', ['support', 'billing'], 1],
  ] as const) {
    h.do({ type: 'addAgent', agentId, queues: [...queues], capacity });
  }
  h.do({ type: 'setState', agentId: 'dan', state: 'idle', reason: 'Lunch' });

  h.do({ type: 'setState', agentId: 'fay', state: 'available' });
  take('fay', 'wa', 'wa5');
  h.do({ type: 'end', agentId: 'fay', conversationId: ids.wa5! });

  h.do({ type: 'setState', agentId: 'cat', state: 'available' });
  take('cat', 'fb', 'fb1');
  h.do({ type: 'endSession', agentId: 'cat', conversationId: ids.fb1! });
  take('cat', 'sms', 'sms1');
  h.do({ type: 'deleteAsset', assetId: 'sms' });

  h.do({ type: 'setState', agentId: 'ann', state: 'available' });
  const staleOffer = take('ann', 'wa', 'wa1');
  take('ann', 'chat', 'chat1');
  h.do({ type: 'customerEnd', conversationId: ids.chat1! });
  take('ann', 'chat', 'chat2');

  h.do({ type: 'setState', agentId: 'eve', state: 'available' });
  ids.fb2 = h.arrive('fb', 'fb2');
  h.offerFor('eve');
  h.advance(30_000); // eve: RONA; fb2 back to billing (cat is full)

  h.do({ type: 'setState', agentId: 'bob', state: 'available' });
  ids.wa2 = h.arrive('wa', 'wa2');
  const bobOffer = h.offerFor('bob').offerId;
  ids.wa3 = h.arrive('wa', 'wa3');
  ids.wa4 = h.arrive('wa', 'wa4');
  h.do({ type: 'setTenant', settings: { agentsCanEndSessions: false } });
  return { h, ids, bobOffer, staleOffer };
}

describe('refused commands change nothing', () => {
  it('the busy engine is what its description says', () => {
    const { h, ids } = busyEngine();
    const core = h.engine.core;
    expect(core.agents.get('eve')!.state).toBe('rona');
    expect([...core.queues.get('support')!.waiting].map((c) => c.id)).toEqual([ids.wa3, ids.wa4]);
    expect([...core.queues.get('billing')!.waiting].map((c) => c.id)).toEqual([ids.fb2]);
    expect(core.conversations.get(ids.chat1!)!.customerEnded).toBe(true);
    expect(core.conversations.get(ids.fb1!)!.sessionEnded).toBe(true);
    expect(core.conversations.get(ids.sms1!)!.interrupted).toBe(true);
    expect(core.agents.get('fay')!.assignments.get(ids.wa5!)!.phase).toBe('wrapUp');
    expect(checkInvariants(core)).toEqual([]);
  });

  const cases: [ErrorCode, string, (ids: Record<string, number>, bobOffer: number) => Command][] = [
    ['E_UNKNOWN_COMMAND', 'an unknown command type', () => ({ type: 'teleport' }) as unknown as Command],
    ['E_UNKNOWN_AGENT', 'setState of an unknown agent', () => ({ type: 'setState', agentId: 'ghost', state: 'available' })],
    ['E_MALFORMED', 'setState to a state that is not available or idle', () => ({ type: 'setState', agentId: 'dan', state: 'busy' as 'idle' })],
    ['E_UNKNOWN_OFFER', 'accept of an offer that does not exist', () => ({ type: 'accept', agentId: 'ann', offerId: 999 })],
    ['E_UNKNOWN_OFFER', "accept of another agent's offer", (_, bobOffer) => ({ type: 'accept', agentId: 'dan', offerId: bobOffer })],
    ['E_REPLY_TOO_LONG', 'a WhatsApp reply of 4097 characters', (ids) => ({ type: 'reply', agentId: 'ann', conversationId: ids.wa1!, text: 'x'.repeat(4097) })],
    ['E_RESERVED_CHARS', 'a Livechat reply with < >', (ids) => ({ type: 'reply', agentId: 'ann', conversationId: ids.chat2!, text: 'see <here>' })],
    ['E_CUSTOMER_ENDED', 'a reply after the customer ended the chat', (ids) => ({ type: 'reply', agentId: 'ann', conversationId: ids.chat1!, text: 'hello?' })],
    ['E_INTERRUPTED', 'a reply on a conversation whose asset was deleted', (ids) => ({ type: 'reply', agentId: 'cat', conversationId: ids.sms1!, text: 'hello?' })],
    ['E_SESSION_ENDED', 'a reply after the session ended', (ids) => ({ type: 'reply', agentId: 'cat', conversationId: ids.fb1!, text: 'hello?' })],
    ['E_NOT_ASSIGNED', 'a reply on a conversation the agent does not hold', (ids) => ({ type: 'reply', agentId: 'bob', conversationId: ids.wa1!, text: 'hi' })],
    ['E_UNKNOWN_CONVERSATION', 'a reply on an unknown conversation', () => ({ type: 'reply', agentId: 'ann', conversationId: 999, text: 'hi' })],
    ['E_MALFORMED', 'an empty reply', (ids) => ({ type: 'reply', agentId: 'ann', conversationId: ids.wa1!, text: '' })],
    ['E_BAD_STATE', 'a reply during wrap-up', (ids) => ({ type: 'reply', agentId: 'fay', conversationId: ids.wa5!, text: 'hi' })],
    ['E_TARGET_UNAVAILABLE', 'a transfer to an idle agent', (ids) => ({ type: 'transfer', agentId: 'ann', conversationId: ids.wa1!, agent: 'dan' })],
    ['E_TARGET_UNAVAILABLE', 'a transfer to an agent in rona', (ids) => ({ type: 'transfer', agentId: 'ann', conversationId: ids.wa1!, agent: 'eve' })],
    ['E_TARGET_UNAVAILABLE', 'a transfer to an agent at full capacity', (ids) => ({ type: 'transfer', agentId: 'ann', conversationId: ids.wa1!, agent: 'bob' })],
    ['E_MALFORMED', 'a transfer naming both a queue and an agent', (ids) => ({ type: 'transfer', agentId: 'ann', conversationId: ids.wa1!, agent: 'bob', queue: 'billing' })],
    ['E_UNKNOWN_QUEUE', 'a transfer to an unknown queue', (ids) => ({ type: 'transfer', agentId: 'ann', conversationId: ids.wa1!, queue: 'nope' })],
    ['E_UNKNOWN_AGENT', 'a transfer to an unknown agent', (ids) => ({ type: 'transfer', agentId: 'ann', conversationId: ids.wa1!, agent: 'ghost' })],
    ['E_BAD_STATE', 'a transfer during wrap-up', (ids) => ({ type: 'transfer', agentId: 'fay', conversationId: ids.wa5!, queue: 'billing' })],
    ['E_NOT_SUPPORTED', 'a conference to a queue on Livechat', (ids) => ({ type: 'conference', agentId: 'ann', conversationId: ids.chat2!, queue: 'billing' })],
    ['E_TARGET_UNAVAILABLE', 'a conference to a queue with nobody available', (ids) => ({ type: 'conference', agentId: 'ann', conversationId: ids.wa1!, queue: 'billing' })],
    ['E_TARGET_UNAVAILABLE', 'a conference to an agent in rona', (ids) => ({ type: 'conference', agentId: 'ann', conversationId: ids.wa1!, agent: 'eve' })],
    ['E_BAD_STATE', 'endConference with no conference', (ids) => ({ type: 'endConference', agentId: 'ann', conversationId: ids.wa1! })],
    ['E_BAD_STATE', 'end during wrap-up', (ids) => ({ type: 'end', agentId: 'fay', conversationId: ids.wa5! })],
    ['E_UNKNOWN_REASON', 'wrap-up with a reason not offered', (ids) => ({ type: 'wrapUp', agentId: 'fay', conversationId: ids.wa5!, reason: 'Bored' })],
    ['E_BAD_STATE', 'wrap-up before end', (ids) => ({ type: 'wrapUp', agentId: 'ann', conversationId: ids.wa1!, reason: 'Resolved' })],
    ['E_SESSION_END_DISABLED', 'endSession when the tenant does not allow it', (ids) => ({ type: 'endSession', agentId: 'ann', conversationId: ids.wa1! })],
    ['E_MALFORMED', 'an empty note', (ids) => ({ type: 'note', agentId: 'ann', conversationId: ids.wa1!, text: '' })],
    ['E_NOT_ASSIGNED', 'a note on a conversation the agent does not hold', (ids) => ({ type: 'note', agentId: 'dan', conversationId: ids.wa1!, text: 'hi' })],
    ['E_UNKNOWN_AGENT', 'listTargets of an unknown agent', () => ({ type: 'listTargets', agentId: 'ghost' })],
    ['E_UNKNOWN_ASSET', 'a customer message on a deleted asset', () => ({ type: 'customerMessage', assetId: 'sms', customerId: 'sms1', text: 'hello?' })],
    ['E_NOT_SUPPORTED', 'customerEnd on WhatsApp', (ids) => ({ type: 'customerEnd', conversationId: ids.wa1! })],
    ['E_BAD_STATE', 'customerEnd twice', (ids) => ({ type: 'customerEnd', conversationId: ids.chat1! })],
    ['E_UNKNOWN_CONVERSATION', 'customerEnd of an unknown conversation', () => ({ type: 'customerEnd', conversationId: 999 })],
    ['E_BAD_STATE', 'abandon after answer', (ids) => ({ type: 'abandon', conversationId: ids.wa1! })],
    ['E_DUPLICATE', 'addAgent with an id in use', () => ({ type: 'addAgent', agentId: 'ann', queues: ['support'], capacity: 1 })],
    ['E_UNKNOWN_QUEUE', 'addAgent with an unknown queue', () => ({ type: 'addAgent', agentId: 'new', queues: ['support', 'nope'], capacity: 1 })],
    ['E_DUPLICATE', 'addAsset with an id in use', () => ({ type: 'addAsset', assetId: 'wa', channel: 'sms', queue: 'billing', label: 'x' })],
    ['E_UNKNOWN_ASSET', 'deleteAsset of a deleted asset', () => ({ type: 'deleteAsset', assetId: 'sms' })],
    ['E_MALFORMED', 'setTenant with an unknown setting', () => ({ type: 'setTenant', settings: { agentsCanEndSessions: true, nonsense: 1 } as never })],
  ];

  for (const [code, what, make] of cases) {
    it(`${code}: ${what}`, () => {
      const { h, ids, bobOffer } = busyEngine();
      const before = summary(h.engine.core);
      const cmd = make(ids, bobOffer);
      expect(h.try(cmd)?.code).toBe(code);
      expect(h.events).toEqual([]);
      expect(summary(h.engine.core)).toEqual(before);
      expect(checkInvariants(h.engine.core)).toEqual([]);
    });
  }

  it('E_MALFORMED: a command dated before the last one', () => {
    const { h } = busyEngine();
    const before = summary(h.engine.core);
    h.nowMs -= 1;
    expect(h.try({ type: 'setState', agentId: 'dan', state: 'available' })?.code).toBe('E_MALFORMED');
    expect(h.events).toEqual([]);
    expect(summary(h.engine.core)).toEqual(before);
  });

  it('a refused command dated later does not move the clock', () => {
    const { h } = busyEngine();
    const nowMs = h.engine.core.nowMs;
    h.nowMs = nowMs + 60_000;
    expect(h.try({ type: 'accept', agentId: 'ann', offerId: 999 })?.code).toBe('E_UNKNOWN_OFFER');
    expect(h.engine.core.nowMs).toBe(nowMs);
    h.nowMs = nowMs + 1;
    expect(h.try({ type: 'listTargets', agentId: 'ann' })).toBeNull();
  });

  it('a stale timer (an offer already accepted) is not refused but changes nothing either', () => {
    const { h, staleOffer } = busyEngine();
    const before = summary(h.engine.core);
    expect(h.try({ type: 'timerFired', timerKind: 'offerExpiry', ref: staleOffer })).toBeNull();
    expect(h.events).toEqual([]);
    expect(summary(h.engine.core)).toEqual(before);
  });

  it('the summary does see a change that is not refused', () => {
    const { h } = busyEngine();
    const before = summary(h.engine.core);
    h.do({ type: 'setState', agentId: 'dan', state: 'available' });
    expect(summary(h.engine.core)).not.toEqual(before);
  });
});
