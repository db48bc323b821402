// transfer: to a queue (re-queued) or to an agent (offered; dropped if not accepted).
// The transferring agent goes straight to wrap-up.
import type { EngineCore } from '../core.js';
import type { Command } from '../commands.js';
import type { CctwinError } from '../errors.js';
import { findActiveHolding, isRefusal, refuseIfClosed } from './lookup.js';

type Transfer = Extract<Command, { type: 'transfer' }>;

export function transfer(core: EngineCore, cmd: Transfer): CctwinError | null {
  const h = findActiveHolding(core, cmd.agentId, cmd.conversationId);
  if (isRefusal(h)) return h;
  const { agent, conversation: c } = h;
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
    core.emit({ type: 'transferred', conversationId: c.id, to: 'queue', atMs: core.nowMs });
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
  core.emit({ type: 'transferred', conversationId: c.id, to: 'agent', atMs: core.nowMs });
  core.startWrapUp(agent, a);
  core.offer(target, c, 'transfer', true);
  return null;
}
