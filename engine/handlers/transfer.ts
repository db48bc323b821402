// transfer: to a queue (re-queued) or to an agent (offered; dropped if not accepted).
// The transferring agent goes straight to wrap-up.
import type { EngineCore } from '../core.js';
import type { Command } from '../commands.js';
import type { CctwinError } from '../errors.js';
import type { Agent } from '../state/types.js';
import { activeHoldingOf, findAgent, isRefusal, refuseIfClosed } from './lookup.js';

type Transfer = Extract<Command, { type: 'transfer' }>;

export function transfer(core: EngineCore, cmd: Transfer): CctwinError | null {
  const agent = findAgent(core, cmd.agentId);
  if (isRefusal(agent)) return agent;
  return transferBy(core, agent, cmd.conversationId, cmd.queue, cmd.agent);
}

/** To exactly one of `queueName` or `targetId`. */
export function transferBy(core: EngineCore, agent: Agent, conversationId: number, queueName: string | undefined, targetId: string | undefined): CctwinError | null {
  const cmd = { queue: queueName, agent: targetId };
  const h = activeHoldingOf(core, agent, conversationId);
  if (isRefusal(h)) return h;
  const c = h.conversation;
  const a = h;
  if (c.owner !== agent) return core.refuse('E_BAD_STATE', 'only the owning agent may transfer');
  const closed = refuseIfClosed(core, c);
  if (closed) return closed;
  if (c.conferenceStatus !== 'none') return core.refuse('E_BAD_STATE', 'end the conference before transferring');
  if ((cmd.queue === undefined) === (cmd.agent === undefined)) return core.refuse('E_MALFORMED', 'name exactly one of queue or agent');

  if (cmd.queue !== undefined) {
    const queue = core.queues.get(cmd.queue);
    if (queue === undefined) return core.refuse('E_UNKNOWN_QUEUE', cmd.queue);
    c.owner = null;
    core.sink.transferred(c, 'queue');
    core.startWrapUp(agent, a);
    c.queuedKind = 'transfer';
    core.enqueue(c, queue, false);
    return null;
  }

  const target = core.agents.get(cmd.agent!);
  if (target === undefined) return core.refuse('E_UNKNOWN_AGENT', cmd.agent);
  if (target === agent) return core.refuse('E_BAD_STATE', 'cannot transfer to yourself');
  if (!core.eligible(target) || c.heldBy.includes(target)) return core.refuse('E_TARGET_UNAVAILABLE', target.id);
  c.owner = null;
  core.sink.transferred(c, 'agent');
  core.startWrapUp(agent, a);
  core.offer(target, c, 'transfer', true);
  return null;
}
