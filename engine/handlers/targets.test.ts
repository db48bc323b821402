// listTargets: the queues and agents a transfer or conference could go to now.
import { describe, expect, it } from 'vitest';
import { Harness } from '../testing/harness.js';
import { checkInvariants } from '../testing/invariants.js';

describe('listTargets', () => {
  it('lists every queue with its waiting and available counts, and the other agents with canTake', () => {
    const h = new Harness({ queues: [{ name: 'support' }, { name: 'billing' }] });
    h.do({ type: 'addAsset', assetId: 'sms', channel: 'sms', queue: 'billing', label: 'n' });
    h.do({ type: 'addAgent', agentId: 'me', queues: ['support'], capacity: 1 });
    h.do({ type: 'addAgent', agentId: 'free', name: 'Free Fay', queues: ['support', 'billing'], capacity: 2 });
    h.do({ type: 'addAgent', agentId: 'idle', queues: ['support'], capacity: 1 });
    h.do({ type: 'addAgent', agentId: 'full', queues: ['billing'], capacity: 1 });
    h.do({ type: 'setState', agentId: 'free', state: 'available' });
    h.do({ type: 'setState', agentId: 'full', state: 'available' });
    h.do({ type: 'setState', agentId: 'idle', state: 'idle', reason: 'Lunch' });
    // Five arrive on billing: free takes two, full one, two wait.
    for (const c of ['c1', 'c2', 'c3', 'c4', 'c5']) h.arrive('sms', c);

    h.do({ type: 'listTargets', agentId: 'me' });
    const targets = h.one('targets');
    expect(targets.agentId).toBe('me');
    expect(targets.queues).toEqual([
      { name: 'support', waiting: 0, availableAgents: 0 },
      { name: 'billing', waiting: 2, availableAgents: 0 },
    ]);
    expect(targets.agents).toEqual([
      { agentId: 'free', name: 'Free Fay', state: 'available', canTake: false },
      { agentId: 'idle', name: 'idle', state: 'idle', canTake: false },
      { agentId: 'full', name: 'full', state: 'available', canTake: false },
    ]);

    // Refreshing after a change shows it.
    h.do({ type: 'setState', agentId: 'idle', state: 'available' });
    h.do({ type: 'listTargets', agentId: 'me' });
    const refreshed = h.one('targets');
    expect(refreshed.queues[0]).toEqual({ name: 'support', waiting: 0, availableAgents: 1 });
    expect(refreshed.agents[1]).toEqual({ agentId: 'idle', name: 'idle', state: 'available', canTake: true });
    expect(checkInvariants(h.engine.core)).toEqual([]);
  });

  it('an available agent with spare capacity can take, and the queue counts it', () => {
    const h = new Harness({ queues: [{ name: 'support' }] });
    h.do({ type: 'addAgent', agentId: 'me', queues: ['support'], capacity: 1 });
    h.do({ type: 'addAgent', agentId: 'bob', queues: ['support'], capacity: 1 });
    h.do({ type: 'setState', agentId: 'bob', state: 'available' });
    h.do({ type: 'listTargets', agentId: 'me' });
    expect(h.one('targets')).toEqual({
      type: 'targets', agentId: 'me',
      queues: [{ name: 'support', waiting: 0, availableAgents: 1 }],
      agents: [{ agentId: 'bob', name: 'bob', state: 'available', canTake: true }],
    });
  });

  it('refuses an unknown agent', () => {
    const h = new Harness({ queues: [{ name: 'support' }] });
    expect(h.try({ type: 'listTargets', agentId: 'ghost' })?.code).toBe('E_UNKNOWN_AGENT');
    expect(h.events).toEqual([]);
  });
});
