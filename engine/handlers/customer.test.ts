// The customer leaves: ends a Livechat from the widget (Livechat only), or
// abandons while waiting.
import { describe, expect, it } from 'vitest';
import { Harness } from '../testing/harness.js';
import { checkInvariants } from '../testing/invariants.js';
import type { Channel } from '../model/channel.js';

const RONA_MS = 30_000;

function setup(channel: Channel = 'livechat', capacity = 1): Harness {
  const h = new Harness({ queues: [{ name: 'support' }] });
  h.do({ type: 'addAsset', assetId: 'asset', channel, queue: 'support', label: 'widget' });
  h.do({ type: 'addAgent', agentId: 'ann', queues: ['support'], capacity });
  h.do({ type: 'setState', agentId: 'ann', state: 'available' });
  return h;
}

function accepted(h: Harness, customerId = 'cust'): number {
  const id = h.arrive('asset', customerId);
  h.do({ type: 'accept', agentId: 'ann', offerId: h.offerFor('ann').offerId });
  return id;
}

function expectSound(h: Harness): void {
  expect(checkInvariants(h.engine.core)).toEqual([]);
}

describe('customer ends a Livechat', () => {
  it('the agent gets customerEnded and a system message, then ends and wraps up as usual: completed', () => {
    const h = setup('livechat');
    const id = accepted(h);
    h.nowMs = 40_000;
    h.do({ type: 'customerEnd', conversationId: id });
    expect(h.one('customerEnded')).toEqual({ type: 'customerEnded', agentId: 'ann', conversationId: id });
    expect(h.one('message')).toMatchObject({ conversationId: id, from: 'system', text: 'Customer has ended the conversation', agentIds: ['ann'], atMs: 40_000 });
    expect(h.of('ended')).toEqual([]);
    expect(h.engine.core.agents.get('ann')!.load).toBe(1);
    expectSound(h);

    expect(h.try({ type: 'reply', agentId: 'ann', conversationId: id, text: 'hello?' })?.code).toBe('E_CUSTOMER_ENDED');
    expect(h.try({ type: 'customerEnd', conversationId: id })?.code).toBe('E_BAD_STATE');
    expect(h.events).toEqual([]);

    h.nowMs = 45_000;
    h.do({ type: 'end', agentId: 'ann', conversationId: id });
    expect(h.one('ended')).toMatchObject({ endState: 'completed', atMs: 45_000 });
    expect(h.one('wrapUpRequired').agentId).toBe('ann');
    h.do({ type: 'wrapUp', agentId: 'ann', conversationId: id, reason: 'Customer left' });
    expect(h.engine.core.agents.get('ann')!.load).toBe(0);
    expectSound(h);
  });

  it('is refused with E_INTERRUPTED once the chat widget was deleted', () => {
    const h = setup('livechat');
    const id = accepted(h);
    h.do({ type: 'deleteAsset', assetId: 'asset' });
    expect(h.try({ type: 'customerEnd', conversationId: id })?.code).toBe('E_INTERRUPTED');
    expect(h.events).toEqual([]);
    expectSound(h);
  });

  it("the customer's next message after ending opens a new conversation", () => {
    const h = setup('livechat');
    const id = accepted(h);
    h.do({ type: 'customerEnd', conversationId: id });
    h.do({ type: 'customerMessage', assetId: 'asset', customerId: 'cust', text: 'sorry, one more' });
    expect(h.one('arrived').conversationId).not.toBe(id);
    expectSound(h);
  });

  for (const channel of ['facebook', 'sms', 'whatsapp'] as const) {
    it(`is not supported on ${channel}`, () => {
      const h = setup(channel);
      const id = accepted(h);
      expect(h.try({ type: 'customerEnd', conversationId: id })?.code).toBe('E_NOT_SUPPORTED');
      expect(h.events).toEqual([]);
      expect(h.engine.core.conversations.get(id)!.customerEnded).toBe(false);
    });
  }

  it('ending while still queued counts as abandoned', () => {
    const h = setup('livechat');
    h.do({ type: 'setState', agentId: 'ann', state: 'idle' });
    h.nowMs = 1_000;
    const id = h.arrive('asset', 'cust');
    h.nowMs = 9_000;
    h.do({ type: 'customerEnd', conversationId: id });
    expect(h.one('ended')).toEqual({ type: 'ended', conversationId: id, endState: 'abandoned', arrivedAtMs: 1_000, answeredAtMs: -1, atMs: 9_000 });
    expect(h.engine.core.queues.get('support')!.waiting.size).toBe(0);
    expect(h.engine.core.conversations.has(id)).toBe(false);
    expectSound(h);
  });
});

describe('abandon', () => {
  it('while queued: ended abandoned, removed from the queue, the customer told', () => {
    const h = setup('sms');
    h.do({ type: 'setState', agentId: 'ann', state: 'idle' });
    const first = h.arrive('asset', 'c1');
    const second = h.arrive('asset', 'c2');
    h.nowMs = 7_000;
    h.do({ type: 'abandon', conversationId: first });
    expect(h.one('ended')).toMatchObject({ conversationId: first, endState: 'abandoned', answeredAtMs: -1, atMs: 7_000 });
    expect(h.one('closed')).toMatchObject({ conversationId: first, reason: 'abandoned' });
    expect([...h.engine.core.queues.get('support')!.waiting].map((c) => c.id)).toEqual([second]);
    expectSound(h);
  });

  it("while offered: the offer is rescinded (abandoned), the agent's slot is freed and it gets the next one", () => {
    const h = setup('sms');
    const first = h.arrive('asset', 'c1');
    const offer = h.offerFor('ann');
    const second = h.arrive('asset', 'c2');
    h.nowMs = 3_000;
    h.do({ type: 'abandon', conversationId: first });
    expect(h.one('offerRescinded')).toEqual({ type: 'offerRescinded', agentId: 'ann', offerId: offer.offerId, conversationId: first, reason: 'abandoned' });
    expect(h.one('ended')).toMatchObject({ conversationId: first, endState: 'abandoned' });
    expect(h.offerFor('ann').conversationId).toBe(second);
    expect(h.engine.core.agents.get('ann')).toMatchObject({ state: 'available', load: 1 });
    expect(h.try({ type: 'accept', agentId: 'ann', offerId: offer.offerId })?.code).toBe('E_UNKNOWN_OFFER');
    // Its expiry timer later fires on nothing: no RONA.
    expect(offer.expiresAtMs).toBe(RONA_MS);
    expect(h.advance(RONA_MS - 3_000)).toEqual([]);
    expect(h.engine.core.agents.get('ann')!.state).toBe('available');
    expectSound(h);
  });

  it('after answer it is refused with E_BAD_STATE', () => {
    const h = setup('sms');
    const id = accepted(h);
    expect(h.try({ type: 'abandon', conversationId: id })?.code).toBe('E_BAD_STATE');
    expect(h.events).toEqual([]);
    expect(h.engine.core.conversations.get(id)!.state).toBe('active');
    expect(h.try({ type: 'abandon', conversationId: 999 })?.code).toBe('E_UNKNOWN_CONVERSATION');
    expectSound(h);
  });
});
