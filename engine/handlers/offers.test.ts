// Offers: accept, RONA on the expiry timer (the conversation keeps its place),
// stale timers, and capacity per agent.
import { describe, expect, it } from 'vitest';
import { Harness } from '../testing/harness.js';
import { checkInvariants } from '../testing/invariants.js';

const RONA_MS = 30_000;

function setup(...agents: [id: string, capacity: number][]): Harness {
  const h = new Harness({ queues: [{ name: 'support' }] });
  h.do({ type: 'addAsset', assetId: 'fb', channel: 'facebook', queue: 'support', label: 'Acme page' });
  for (const [agentId, capacity] of agents) {
    h.do({ type: 'addAgent', agentId, queues: ['support'], capacity });
    h.do({ type: 'setState', agentId, state: 'available' });
  }
  return h;
}

function expectSound(h: Harness): void {
  expect(checkInvariants(h.engine.core)).toEqual([]);
}

function waitingIds(h: Harness, queue = 'support'): number[] {
  return [...h.engine.core.queues.get(queue)!.waiting].map((c) => c.id);
}

describe('offer and accept', () => {
  it('the offer shows queue, customer, source, received time and expiry, and accepting opens the conversation', () => {
    const h = setup(['ann', 1]);
    h.nowMs = 1_000;
    const id = h.arrive('fb', 'cust-1', 'my order is late', { name: 'Jo Smith', number: '555-1234' });
    const offer = h.offerFor('ann');
    expect(offer).toMatchObject({
      conversationId: id, kind: 'new', channel: 'facebook', queue: 'support', source: 'Acme page',
      // The number field holds a phone number whatever its format (masking/identity-field.ts).
      customer: { name: 'Jo Smith', number: '****1234' }, receivedAtMs: 1_000, expiresAtMs: 1_000 + RONA_MS, proactive: false,
    });
    expect(h.one('timer')).toEqual({ type: 'timer', timerKind: 'offerExpiry', ref: offer.offerId, atMs: 1_000 + RONA_MS });

    h.nowMs = 4_000;
    h.do({ type: 'accept', agentId: 'ann', offerId: offer.offerId });
    expect(h.one('answered')).toEqual({ type: 'answered', conversationId: id, agentId: 'ann', arrivedAtMs: 1_000, atMs: 4_000 });
    const opened = h.one('conversation');
    expect(opened).toMatchObject({ agentId: 'ann', conversationId: id, role: 'owner', channel: 'facebook', queue: 'support' });
    expect(opened.transcript).toEqual([{ from: 'customer', text: 'my order is late', atMs: 1_000 }]);
    expect(h.engine.core.conversations.get(id)).toMatchObject({ state: 'active', answeredAtMs: 4_000 });
    expectSound(h);
  });

  it('marks a proactive livechat offer, and ignores the flag on other channels', () => {
    const h = setup(['ann', 2]);
    h.do({ type: 'addAsset', assetId: 'chat', channel: 'livechat', queue: 'support', label: 'widget' });
    h.arrive('chat', 'c1', 'hi', { proactive: true });
    expect(h.offerFor('ann').proactive).toBe(true);
    h.arrive('fb', 'c2', 'hi', { proactive: true });
    expect(h.offerFor('ann').proactive).toBe(false);
  });

  it('refuses an unknown offer with E_UNKNOWN_OFFER', () => {
    const h = setup(['ann', 1]);
    h.arrive('fb', 'c1');
    const offer = h.offerFor('ann');
    expect(h.try({ type: 'accept', agentId: 'ann', offerId: offer.offerId + 100 })?.code).toBe('E_UNKNOWN_OFFER');
    expect(h.events).toEqual([]);
    expect(h.engine.core.offers.has(offer.offerId)).toBe(true);
  });

  it("refuses to let an agent accept another agent's offer", () => {
    const h = setup(['ann', 1], ['bob', 1]);
    h.arrive('fb', 'c1');
    const offer = h.offerFor('ann');
    expect(h.try({ type: 'accept', agentId: 'bob', offerId: offer.offerId })?.code).toBe('E_UNKNOWN_OFFER');
    expect(h.events).toEqual([]);
    h.do({ type: 'accept', agentId: 'ann', offerId: offer.offerId });
    expect(h.engine.core.conversations.get(offer.conversationId)!.owner!.id).toBe('ann');
    expectSound(h);
  });

  it('an offer cannot be accepted twice', () => {
    const h = setup(['ann', 1]);
    h.arrive('fb', 'c1');
    const offer = h.offerFor('ann');
    h.do({ type: 'accept', agentId: 'ann', offerId: offer.offerId });
    expect(h.try({ type: 'accept', agentId: 'ann', offerId: offer.offerId })?.code).toBe('E_UNKNOWN_OFFER');
  });
});

describe('RONA', () => {
  it('on expiry the agent goes to rona, the offer is rescinded, and the conversation goes to the next agent', () => {
    const h = setup(['ann', 1], ['bob', 1]);
    h.nowMs = 2_000;
    const id = h.arrive('fb', 'c1');
    const first = h.offerFor('ann');
    const fired = h.advance(RONA_MS);
    expect(h.nowMs).toBe(2_000 + RONA_MS);
    expect(h.one('offerRescinded', fired)).toEqual({ type: 'offerRescinded', agentId: 'ann', offerId: first.offerId, conversationId: id, reason: 'rona' });
    expect(h.one('rona', fired)).toEqual({ type: 'rona', agentId: 'ann', offerId: first.offerId, atMs: 2_000 + RONA_MS });
    expect(h.one('agentState', fired)).toEqual({ type: 'agentState', agentId: 'ann', state: 'rona' });
    const second = h.offerFor('bob', fired);
    expect(second).toMatchObject({ conversationId: id, kind: 'new', receivedAtMs: 2_000, expiresAtMs: 2_000 + 2 * RONA_MS });
    const ann = h.engine.core.agents.get('ann')!;
    expect(ann).toMatchObject({ state: 'rona', load: 0 });
    expectSound(h);
  });

  it('the returned conversation keeps its place ahead of later arrivals and its original times', () => {
    const h = setup(['ann', 1], ['bob', 1]);
    const early = h.arrive('fb', 'c1'); // t=0 -> ann
    h.nowMs = 1_000;
    h.arrive('fb', 'c2'); // -> bob
    h.do({ type: 'accept', agentId: 'bob', offerId: h.offerFor('bob').offerId });
    h.nowMs = 5_000;
    const late1 = h.arrive('fb', 'c3');
    h.nowMs = 6_000;
    const late2 = h.arrive('fb', 'c4');
    expect(waitingIds(h)).toEqual([late1, late2]);

    h.advance(RONA_MS - 6_000); // ann's offer expires at 30 000
    expect(h.of('rona')).toHaveLength(1);
    expect(waitingIds(h)).toEqual([early, late1, late2]);
    expect(h.engine.core.conversations.get(early)).toMatchObject({ arrivedAtMs: 0, state: 'queued' });

    h.do({ type: 'addAgent', agentId: 'cat', queues: ['support'], capacity: 1 });
    h.do({ type: 'setState', agentId: 'cat', state: 'available' });
    expect(h.offerFor('cat')).toMatchObject({ conversationId: early, receivedAtMs: 0 });
    h.do({ type: 'accept', agentId: 'cat', offerId: h.offerFor('cat').offerId });
    // The answer time still counts from the first arrival.
    expect(h.one('answered')).toMatchObject({ conversationId: early, arrivedAtMs: 0, atMs: RONA_MS });
    expect(waitingIds(h)).toEqual([late1, late2]);
    expectSound(h);
  });

  it('a stale timer after accept is a no-op', () => {
    const h = setup(['ann', 1]);
    h.arrive('fb', 'c1');
    const offer = h.offerFor('ann');
    h.do({ type: 'accept', agentId: 'ann', offerId: offer.offerId });
    const fired = h.advance(RONA_MS * 2);
    expect(fired).toEqual([]);
    expect(h.engine.core.agents.get('ann')).toMatchObject({ state: 'available', load: 1 });
    expect(h.try({ type: 'timerFired', timerKind: 'offerExpiry', ref: offer.offerId })).toBeNull();
    expect(h.events).toEqual([]);
    expectSound(h);
  });

  it('a stale timer after the offer was rescinded (abandon) is a no-op', () => {
    const h = setup(['ann', 1]);
    const id = h.arrive('fb', 'c1');
    h.do({ type: 'abandon', conversationId: id });
    expect(h.advance(RONA_MS)).toEqual([]);
    expect(h.engine.core.agents.get('ann')!.state).toBe('available');
    expectSound(h);
  });

  it('a RONA with nobody else available leaves the conversation waiting at the head', () => {
    const h = setup(['ann', 1]);
    const id = h.arrive('fb', 'c1');
    h.advance(RONA_MS);
    expect(h.of('offer')).toEqual([]);
    expect(waitingIds(h)).toEqual([id]);
    expectSound(h);
  });
});

describe('RONA takes back every pending offer', () => {
  it('an agent with two offers out that lets one expire gets both rescinded and can accept neither', () => {
    const h = setup(['ann', 2]);
    const first = h.arrive('fb', 'c1');
    const offer1 = h.offerFor('ann');
    h.nowMs = 5_000;
    const second = h.arrive('fb', 'c2');
    const offer2 = h.offerFor('ann');
    h.advance(RONA_MS - 5_000);
    const rescinded = h.of('offerRescinded', h.events);
    expect(rescinded.map((r) => [r.offerId, r.reason])).toEqual([[offer1.offerId, 'rona'], [offer2.offerId, 'rona']]);
    expect(h.of('rona', h.events)).toHaveLength(1);
    expect(h.engine.core.agents.get('ann')!.state).toBe('rona');
    expect(h.try({ type: 'accept', agentId: 'ann', offerId: offer2.offerId })?.code).toBe('E_UNKNOWN_OFFER');
    expect(waitingIds(h)).toEqual([first, second]);
    expectSound(h);
  });
});

describe('capacity per agent', () => {
  it('capacity 2 takes two conversations at once; a third waits', () => {
    const h = setup(['ann', 2]);
    const a = h.arrive('fb', 'c1');
    const b = h.arrive('fb', 'c2');
    const c = h.arrive('fb', 'c3');
    const offered = h.log.filter((e) => e.type === 'offer').map((e) => (e as { conversationId: number }).conversationId);
    expect(offered).toEqual([a, b]);
    expect(waitingIds(h)).toEqual([c]);
    expect(h.engine.core.agents.get('ann')!.load).toBe(2);
    expectSound(h);
  });

  it('capacity in use is the conversations held: freed on wrap-up submit, not on end', () => {
    const h = setup(['ann', 1]);
    const a = h.arrive('fb', 'c1');
    h.do({ type: 'accept', agentId: 'ann', offerId: h.offerFor('ann').offerId });
    const b = h.arrive('fb', 'c2');
    expect(h.of('offer')).toEqual([]);
    expect(h.engine.core.heldSlots).toBe(1);

    h.do({ type: 'end', agentId: 'ann', conversationId: a });
    expect(h.of('offer')).toEqual([]);
    expect(h.engine.core.agents.get('ann')!.load).toBe(1);
    expect(h.engine.core.heldSlots).toBe(1);
    expectSound(h);

    h.do({ type: 'wrapUp', agentId: 'ann', conversationId: a, reason: 'Resolved' });
    expect(h.engine.core.heldSlots).toBe(0);
    expect(h.offerFor('ann').conversationId).toBe(b);
    expect(h.engine.core.agents.get('ann')!.load).toBe(1); // the new offer takes the slot
    expectSound(h);
  });
});
