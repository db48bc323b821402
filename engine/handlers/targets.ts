// listTargets: what a transfer or conference could go to right now.
import type { EngineCore } from '../core.js';
import type { Command } from '../commands.js';
import type { CctwinError } from '../errors.js';
import { findAgent, isRefusal } from './lookup.js';

type ListTargets = Extract<Command, { type: 'listTargets' }>;

export function listTargets(core: EngineCore, cmd: ListTargets): CctwinError | null {
  const me = findAgent(core, cmd.agentId);
  if (isRefusal(me)) return me;
  const queues = [...core.queues.values()].map((q) => ({ name: q.name, waiting: q.waiting.size, availableAgents: q.pool.size }));
  const agents = [...core.agents.values()]
    .filter((a) => a !== me)
    .map((a) => ({ agentId: a.id, name: a.name, state: a.state, canTake: core.eligible(a) }));
  core.emit({ type: 'targets', agentId: me.id, queues, agents });
  return null;
}
