// What becomes of a disconnected agent's work once its grace period is over,
// in ordinary engine commands, so end-state accounting stays the engine's:
// - a live conversation it owns goes back to its queue as a transfer to that
//   queue (counted `transferred`, never ended: another agent picks it up);
// - in a conference it leaves the conference; the other agent keeps the chat;
// - a conversation that can carry no more messages (interrupted, ended by the
//   customer, session ended) is ended as the agent would have ended it;
// - every assignment it leaves is wrapped up for it, which frees its slots.
import type { Command, EngineView } from '../engine/index.js';

/** The wrap-up reason recorded for an agent that never came back. */
export function releaseReason(view: EngineView): string {
  const reasons = view.wrapUpReasons();
  return reasons.includes('Other') ? 'Other' : reasons[0]!;
}

export function releaseCommands(view: EngineView, agentId: string): Command[] {
  const reason = releaseReason(view);
  const cmds: Command[] = [];
  for (const a of view.assignmentsOf(agentId)) {
    const conversationId = a.conversationId;
    const c = view.conversation(conversationId)!;
    const wrapUp: Command = { type: 'wrapUp', agentId, conversationId, reason };
    if (a.phase === 'released') {
      cmds.push({ type: 'end', agentId, conversationId });
    } else if (a.phase === 'wrapUp') {
      cmds.push(wrapUp);
    } else if (a.role === 'conference' || c.conferenceStatus === 'active') {
      cmds.push({ type: 'endConference', agentId, conversationId }, wrapUp);
    } else {
      if (c.conferenceStatus === 'requested') cmds.push({ type: 'endConference', agentId, conversationId });
      const closed = c.interrupted || c.customerEnded || c.sessionEnded;
      cmds.push(closed ? { type: 'end', agentId, conversationId } : { type: 'transfer', agentId, conversationId, queue: c.queue }, wrapUp);
    }
  }
  return cmds;
}
