// What becomes of a disconnected agent's work once its grace period is over,
// in ordinary engine commands, so end-state accounting stays the engine's:
// - a live conversation it owns goes back to its queue as a transfer to that
//   queue (counted `transferred`, never ended: another agent picks it up);
// - in a conference it leaves the conference; the other agent keeps the chat;
// - a conversation that can carry no more messages (interrupted, ended by the
//   customer, session ended) is ended as the agent would have ended it;
// - every assignment it leaves is wrapped up for it, which frees its slots.
import type { Command } from '../../engine/commands.js';
import type { EngineCore } from '../../engine/core.js';
import type { Agent } from '../../engine/state/types.js';

/** The wrap-up reason recorded for an agent that never came back. */
export function releaseReason(core: EngineCore): string {
  return core.wrapUpReasons.includes('Other') ? 'Other' : core.wrapUpReasons[0]!;
}

export function releaseCommands(core: EngineCore, agent: Agent): Command[] {
  const agentId = agent.id;
  const reason = releaseReason(core);
  const cmds: Command[] = [];
  for (const a of agent.assignments.values()) {
    const c = a.conversation;
    const conversationId = c.id;
    const wrapUp: Command = { type: 'wrapUp', agentId, conversationId, reason };
    if (a.phase === 'released') {
      cmds.push({ type: 'end', agentId, conversationId });
    } else if (a.phase === 'wrapUp') {
      cmds.push(wrapUp);
    } else if (c.conferenceAgent === agent || c.conferenceStatus === 'active') {
      cmds.push({ type: 'endConference', agentId, conversationId }, wrapUp);
    } else {
      if (c.conferenceStatus === 'requested') cmds.push({ type: 'endConference', agentId, conversationId });
      const closed = c.interrupted || c.customerEnded || c.sessionEnded;
      cmds.push(closed ? { type: 'end', agentId, conversationId } : { type: 'transfer', agentId, conversationId, queue: c.queue.name }, wrapUp);
    }
  }
  return cmds;
}
