// The read-only views: what drivers, samplers and the server see of the
// state, and that reading changes nothing.
import { describe, expect, it } from 'vitest';
import { Harness } from './testing/harness.js';
import { emptyAgentCounts } from './view.js';
import { checkInvariants } from './testing/invariants.js';

function setup(): Harness {
  const h = new Harness({ queues: [{ name: 'support' }, { name: 'sales' }], mask: (t) => t.replace(/\d/g, '#') });
  h.do({ type: 'addAsset', assetId: 'wa', channel: 'whatsapp', queue: 'support', label: '+15550001111' });
  h.do({ type: 'addAgent', agentId: 'ann', name: 'Ann', queues: ['support'], capacity: 2 });
  h.do({ type: 'addAgent', agentId: 'bob', queues: ['support', 'sales'], capacity: 1 });
  h.do({ type: 'setState', agentId: 'ann', state: 'available' });
  return h;
}

describe('engine.view', () => {
  it('conversations: state, owner, answer time, picks and counts, all read-only', () => {
    const h = setup();
    const view = h.engine.view;
    const id = h.arrive('wa', 'c1', 'my number is 555', { number: '+4915112345678' });
    const offer = h.offerFor('ann');
    expect(view.stateOf(id)).toBe('offered');
    expect(view.offerPending(offer.offerId)).toBe(true);
    expect(view.answeredAtMs(id)).toBe(-1);
    h.nowMs = 2_000;
    h.do({ type: 'accept', agentId: 'ann', offerId: offer.offerId });
    expect(view.offerPending(offer.offerId)).toBe(false);
    expect(view.conversation(id)).toEqual({
      conversationId: id, state: 'active', assetId: 'wa', channel: 'whatsapp', queue: 'support', customerId: 'c1', proactive: false,
      arrivedAtMs: 0, answeredAtMs: 2_000, ownerId: 'ann', conferenceAgentId: null, conferenceStatus: 'none',
      interrupted: false, customerEnded: false, sessionEnded: false, conferenceToQueue: true,
    });
    expect(view.customerOf(id)?.number).not.toContain('4915112');
    expect(view.sourceOf(id)).not.toBe('+15550001111');
    expect(view.history(id)).toEqual([{ from: 'customer', text: 'my number is ###', atMs: 0, internal: false }]);
    expect(view.heldSlots()).toBe(1);
    // bob is not available yet: nobody else can take it; once he is, he is the pick.
    expect(view.pickTarget(id)).toBe(null);
    h.do({ type: 'setState', agentId: 'bob', state: 'available' });
    expect(view.pickTarget(id)).toBe('bob');
    expect(view.openConversationId('wa', 'c1')).toBe(id);
    expect(view.openConversationIds()).toEqual([id]);
    expect(view.conversationsByState()).toEqual({ queued: 0, offered: 0, active: 1, ended: 0 });
    expect(view.conversation(999)).toBeUndefined();
    expect(view.stateOf(999)).toBeUndefined();
    expect(view.pickTarget(999)).toBe(null);
    expect(checkInvariants(h.engine.core)).toEqual([]);
  });

  it('agents: shapes, offers, assignments with phase and role, and counts by state', () => {
    const h = setup();
    const view = h.engine.view;
    const first = h.arrive('wa', 'c1');
    h.do({ type: 'accept', agentId: 'ann', offerId: h.offerFor('ann').offerId });
    const second = h.arrive('wa', 'c2');
    const pending = h.offerFor('ann');
    expect(view.agent('ann')).toEqual({ agentId: 'ann', name: 'Ann', state: 'available', load: 2, capacity: 2, offers: 1, conversations: 1, eligible: false });
    expect(view.agent('bob')).toEqual({ agentId: 'bob', name: 'bob', state: 'idle', reason: 'Logged in', load: 0, capacity: 1, offers: 0, conversations: 0, eligible: false });
    expect(view.offersOf('ann')).toEqual([{ offerId: pending.offerId, conversationId: second, kind: 'new', expiresAtMs: pending.expiresAtMs }]);
    expect(view.assignmentsOf('ann')).toEqual([{ conversationId: first, phase: 'active', role: 'owner' }]);
    h.do({ type: 'setState', agentId: 'bob', state: 'available' });
    h.do({ type: 'conference', agentId: 'ann', conversationId: first, agent: 'bob' });
    h.do({ type: 'accept', agentId: 'bob', offerId: h.offerFor('bob').offerId });
    expect(view.assignmentsOf('bob')).toEqual([{ conversationId: first, phase: 'active', role: 'conference' }]);
    expect(view.conversation(first)).toMatchObject({ conferenceAgentId: 'bob', conferenceStatus: 'active' });
    h.do({ type: 'end', agentId: 'ann', conversationId: first });
    expect(view.assignmentsOf('ann')[0]).toEqual({ conversationId: first, phase: 'wrapUp', role: 'owner' });
    const counts = view.countAgents(emptyAgentCounts());
    expect(counts).toEqual({ available: 0, engaged: 2, idle: 0, rona: 0, slots: 3 });
    expect(view.agents().map((a) => a.agentId)).toEqual(['ann', 'bob']);
    expect(view.offersOf('nobody')).toEqual([]);
    expect(view.agent('nobody')).toBeUndefined();
    expect(view.queues()).toEqual([{ name: 'support', waiting: 0, availableAgents: 0 }, { name: 'sales', waiting: 0, availableAgents: 0 }]);
    expect(view.assets()).toEqual([{ assetId: 'wa', channel: 'whatsapp', queue: 'support', open: 1 }]);
    expect(view.wrapUpReasons()).toContain('Resolved');
    expect(view.tenant().maskSensitiveData).toBe(true);
    expect(checkInvariants(h.engine.core)).toEqual([]);
  });

  it('waiting and held counts follow the queues', () => {
    const h = new Harness({ queues: [{ name: 'support' }] });
    h.do({ type: 'addAsset', assetId: 'sms', channel: 'sms', queue: 'support', label: 'n' });
    h.arrive('sms', 'c1');
    h.arrive('sms', 'c2');
    expect(h.engine.view.waitingTotal()).toBe(2);
    expect(h.engine.view.heldSlots()).toBe(0);
    expect(h.engine.view.conversationsByState()).toEqual({ queued: 2, offered: 0, active: 0, ended: 0 });
  });
});
