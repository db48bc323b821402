// Administrator commands: deleting a channel asset interrupts its
// conversations; agents, assets and tenant settings are validated.
import { describe, expect, it } from 'vitest';
import { Harness } from '../testing/harness.js';
import { checkInvariants } from '../testing/invariants.js';

function expectSound(h: Harness): void {
  expect(checkInvariants(h.engine.core)).toEqual([]);
}

/**
 * On asset `wa`: `active` held by ann, `offered` pending for ann, `queued`
 * waiting. On asset `sms`: `other`, waiting too, which must not be touched.
 */
function withConversationsOnAsset(): { h: Harness; active: number; offered: number; queued: number; other: number } {
  const h = new Harness({ queues: [{ name: 'support' }, { name: 'sales' }] });
  h.do({ type: 'addAsset', assetId: 'wa', channel: 'whatsapp', queue: 'support', label: '+15550001111' });
  h.do({ type: 'addAsset', assetId: 'sms', channel: 'sms', queue: 'sales', label: '+15550002222' });
  h.do({ type: 'addAgent', agentId: 'ann', queues: ['support'], capacity: 2 });
  h.do({ type: 'setState', agentId: 'ann', state: 'available' });
  const active = h.arrive('wa', 'c1');
  h.do({ type: 'accept', agentId: 'ann', offerId: h.offerFor('ann').offerId });
  h.nowMs = 1_000;
  const offered = h.arrive('wa', 'c2');
  h.offerFor('ann');
  h.nowMs = 2_000;
  const queued = h.arrive('wa', 'c3');
  const other = h.arrive('sms', 'c4');
  h.nowMs = 5_000;
  return { h, active, offered, queued, other };
}

describe('deleting a channel asset', () => {
  it('ends its queued and offered conversations as interrupted and warns the agents of active ones', () => {
    const { h, active, offered, queued, other } = withConversationsOnAsset();
    h.do({ type: 'deleteAsset', assetId: 'wa' });
    const ended = h.of('ended');
    expect(ended.map((e) => e.conversationId).sort()).toEqual([offered, queued].sort());
    for (const e of ended) expect(e).toMatchObject({ endState: 'interrupted', atMs: 5_000, answeredAtMs: -1 });
    expect(h.one('offerRescinded')).toMatchObject({ agentId: 'ann', conversationId: offered, reason: 'interrupted' });
    expect(h.one('interrupted')).toMatchObject({ agentId: 'ann', conversationId: active });
    // Nothing of the deleted asset is offered on the way out.
    expect(h.of('offer').filter((o) => o.conversationId === queued)).toEqual([]);
    expect(h.engine.core.queues.get('support')!.waiting.size).toBe(0);
    expect([...h.engine.core.queues.get('sales')!.waiting].map((c) => c.id)).toEqual([other]);
    expect(h.engine.core.agents.get('ann')!.load).toBe(1);
    expectSound(h);
  });

  it('the interrupted conversation refuses replies, transfers and conferences; the agent ends it as interrupted', () => {
    const { h, active } = withConversationsOnAsset();
    h.do({ type: 'addAgent', agentId: 'bob', queues: ['support'], capacity: 1 });
    h.do({ type: 'setState', agentId: 'bob', state: 'available' });
    h.do({ type: 'deleteAsset', assetId: 'wa' });
    for (const cmd of [
      { type: 'reply', agentId: 'ann', conversationId: active, text: 'hello?' },
      { type: 'transfer', agentId: 'ann', conversationId: active, queue: 'support' },
      { type: 'conference', agentId: 'ann', conversationId: active, agent: 'bob' },
    ] as const) {
      expect(h.try(cmd)?.code, cmd.type).toBe('E_INTERRUPTED');
      expect(h.events).toEqual([]);
    }
    h.nowMs = 8_000;
    h.do({ type: 'end', agentId: 'ann', conversationId: active });
    expect(h.one('ended')).toMatchObject({ conversationId: active, endState: 'interrupted', answeredAtMs: 0, atMs: 8_000 });
    expect(h.one('wrapUpRequired').agentId).toBe('ann');
    h.do({ type: 'wrapUp', agentId: 'ann', conversationId: active, reason: 'Other' });
    expect(h.engine.core.agents.get('ann')!.load).toBe(0);
    expectSound(h);
  });

  it('a pending conference invitation on it is rescinded', () => {
    const { h, active } = withConversationsOnAsset();
    h.do({ type: 'addAgent', agentId: 'bob', queues: [], capacity: 1 });
    h.do({ type: 'setState', agentId: 'bob', state: 'available' });
    h.do({ type: 'conference', agentId: 'ann', conversationId: active, agent: 'bob' });
    h.do({ type: 'deleteAsset', assetId: 'wa' });
    expect(h.of('offerRescinded').find((e) => e.agentId === 'bob')).toMatchObject({ conversationId: active, reason: 'interrupted' });
    expect(h.engine.core.agents.get('bob')).toMatchObject({ state: 'available', load: 0 });
    expectSound(h);
  });

  it('the asset is gone: new messages on it are refused with E_UNKNOWN_ASSET, and deleting it again too', () => {
    const { h } = withConversationsOnAsset();
    h.do({ type: 'deleteAsset', assetId: 'wa' });
    expect(h.try({ type: 'customerMessage', assetId: 'wa', customerId: 'c1', text: 'hello?' })?.code).toBe('E_UNKNOWN_ASSET');
    expect(h.try({ type: 'customerMessage', assetId: 'wa', customerId: 'new', text: 'hi' })?.code).toBe('E_UNKNOWN_ASSET');
    expect(h.try({ type: 'deleteAsset', assetId: 'wa' })?.code).toBe('E_UNKNOWN_ASSET');
    expect(h.events).toEqual([]);
    expect(h.engine.core.assets.has('wa')).toBe(false);
    expectSound(h);
  });
});

describe('agents, assets and tenant settings', () => {
  it('refuses a duplicate agent, an unknown queue and a capacity below one', () => {
    const h = new Harness({ queues: [{ name: 'support' }] });
    h.do({ type: 'addAgent', agentId: 'ann', queues: ['support'], capacity: 1 });
    expect(h.try({ type: 'addAgent', agentId: 'ann', queues: ['support'], capacity: 1 })?.code).toBe('E_DUPLICATE');
    expect(h.try({ type: 'addAgent', agentId: 'bob', queues: ['nope'], capacity: 1 })?.code).toBe('E_UNKNOWN_QUEUE');
    expect(h.try({ type: 'addAgent', agentId: 'bob', queues: ['support'], capacity: 0 })?.code).toBe('E_MALFORMED');
    expect(h.try({ type: 'addAgent', agentId: 'bob', queues: ['support'], capacity: 1.5 })?.code).toBe('E_MALFORMED');
    expect(h.try({ type: 'addAgent', agentId: '', queues: ['support'], capacity: 1 })?.code).toBe('E_MALFORMED');
    expect(h.events).toEqual([]);
    expect([...h.engine.core.agents.keys()]).toEqual(['ann']);
    expectSound(h);
  });

  it('refuses a duplicate asset, an unknown queue and an unknown channel', () => {
    const h = new Harness({ queues: [{ name: 'support' }] });
    h.do({ type: 'addAsset', assetId: 'wa', channel: 'whatsapp', queue: 'support', label: 'n' });
    expect(h.try({ type: 'addAsset', assetId: 'wa', channel: 'sms', queue: 'support', label: 'n' })?.code).toBe('E_DUPLICATE');
    expect(h.try({ type: 'addAsset', assetId: 'x', channel: 'sms', queue: 'nope', label: 'n' })?.code).toBe('E_UNKNOWN_QUEUE');
    expect(h.try({ type: 'addAsset', assetId: 'x', channel: 'fax' as 'sms', queue: 'support', label: 'n' })?.code).toBe('E_MALFORMED');
    expect(h.events).toEqual([]);
    expect([...h.engine.core.assets.keys()]).toEqual(['wa']);
    expect(h.engine.core.assets.get('wa')!.channel).toBe('whatsapp');
  });

  it('setTenant changes only known boolean settings, all or nothing', () => {
    const h = new Harness({ queues: [{ name: 'support' }] });
    const before = { ...h.engine.core.tenant };
    expect(h.try({ type: 'setTenant', settings: { csatOnSessionEnd: true, bogus: true } as never })?.code).toBe('E_MALFORMED');
    expect(h.try({ type: 'setTenant', settings: { csatOnSessionEnd: 'yes' } as never })?.code).toBe('E_MALFORMED');
    expect(h.engine.core.tenant).toEqual(before);
    h.do({ type: 'setTenant', settings: { csatOnSessionEnd: true } });
    expect(h.engine.core.tenant).toEqual({ ...before, csatOnSessionEnd: true });
  });
});
