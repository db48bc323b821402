// Three-way conference: requested -> active on acceptance. The invited agent
// leaves with endConference and the chat goes on with the first; when the
// first leaves, the chat stays with the other. Everyone who leaves wraps up.
import type { EngineCore } from '../core.js';
import type { Command } from '../commands.js';
import type { CctwinError } from '../errors.js';
import type { Agent } from '../state/types.js';
import { activeHoldingOf, findAgent, isRefusal, refuseIfClosed } from './lookup.js';

type Conference = Extract<Command, { type: 'conference' }>;
type EndConference = Extract<Command, { type: 'endConference' }>;

export function conference(core: EngineCore, cmd: Conference): CctwinError | null {
  const agent = findAgent(core, cmd.agentId);
  if (isRefusal(agent)) return agent;
  return conferenceBy(core, agent, cmd.conversationId, cmd.queue, cmd.agent);
}

/** To exactly one of `queueName` or `targetId`. */
export function conferenceBy(core: EngineCore, agent: Agent, conversationId: number, queueName: string | undefined, targetId: string | undefined): CctwinError | null {
  const cmd = { queue: queueName, agent: targetId };
  const h = activeHoldingOf(core, agent, conversationId);
  if (isRefusal(h)) return h;
  const c = h.conversation;
  if (c.owner !== agent) return core.refuse('E_BAD_STATE', 'only the owning agent may start a conference');
  const closed = refuseIfClosed(core, c);
  if (closed) return closed;
  if (c.conferenceStatus !== 'none') return core.refuse('E_BAD_STATE', `a conference is already ${c.conferenceStatus}`);
  if ((cmd.queue === undefined) === (cmd.agent === undefined)) return core.refuse('E_MALFORMED', 'name exactly one of queue or agent');

  let target: Agent | null;
  if (cmd.queue !== undefined) {
    if (!c.asset.rules.conferenceToQueue) return core.refuse('E_NOT_SUPPORTED', `conference to a queue on ${c.asset.channel}`);
    const queue = core.queues.get(cmd.queue);
    if (queue === undefined) return core.refuse('E_UNKNOWN_QUEUE', cmd.queue);
    target = queue.pool.pick(c.heldBy);
    if (target === null) return core.refuse('E_TARGET_UNAVAILABLE', `no agent can take it in ${queue.name}`);
  } else {
    target = core.agents.get(cmd.agent!) ?? null;
    if (target === null) return core.refuse('E_UNKNOWN_AGENT', cmd.agent);
    if (target === agent) return core.refuse('E_BAD_STATE', 'cannot conference yourself');
    if (!core.eligible(target) || c.heldBy.includes(target)) return core.refuse('E_TARGET_UNAVAILABLE', target.id);
  }
  c.conferenceStatus = 'requested';
  core.offer(target, c, 'conference', false);
  if (!core.quiet) core.emit({ type: 'conferenceStatus', conversationId: c.id, status: 'requested', agentIds: core.agentIdsOf(c) });
  return null;
}

export function endConference(core: EngineCore, cmd: EndConference): CctwinError | null {
  const agent = findAgent(core, cmd.agentId);
  if (isRefusal(agent)) return agent;
  return endConferenceBy(core, agent, cmd.conversationId);
}

export function endConferenceBy(core: EngineCore, agent: Agent, conversationId: number): CctwinError | null {
  const h = activeHoldingOf(core, agent, conversationId);
  if (isRefusal(h)) return h;
  const c = h.conversation;
  const a = h;
  if (c.conferenceStatus === 'requested' && c.owner === agent && c.offer !== null) {
    // The first agent withdraws its invitation before anyone accepted.
    c.conferenceStatus = 'none';
    core.rescind(c.offer, 'cancelled');
    if (!core.quiet) core.emit({ type: 'conferenceStatus', conversationId: c.id, status: 'ended', agentIds: core.agentIdsOf(c) });
    return null;
  }
  if (c.conferenceStatus !== 'active') return core.refuse('E_BAD_STATE', 'no conference in progress');
  leaveConference(core, agent, c);
  core.startWrapUp(agent, a);
  return null;
}

/** One of the two agents leaves; the other keeps the conversation. */
export function leaveConference(core: EngineCore, leaving: Agent, c: import('../state/types.js').Conversation): void {
  const staying = c.owner === leaving ? c.conferenceAgent! : c.owner!;
  const agentIds = core.agentIdsOf(c);
  c.owner = staying;
  c.conferenceAgent = null;
  c.conferenceStatus = 'none';
  if (!core.quiet) core.emit({ type: 'conferenceStatus', conversationId: c.id, status: 'ended', agentIds });
  const text = `${leaving.name} left the conversation`;
  const entry = core.record(c, 'system', text, undefined, false);
  if (!core.quiet) core.emit({ type: 'message', conversationId: c.id, customerId: c.customerId, from: 'system', text, maskedText: entry.maskedText, atMs: core.nowMs, agentIds: [staying.id] });
}
