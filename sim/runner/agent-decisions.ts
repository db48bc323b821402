// The rare decisions, made when they come due: whom an agent transfers to or
// calls into a conference (the behaviour model's rule, chooseTarget, over the
// agent the queue's routing would pick and the other queues), and which of
// two conference agents leaves. They read the conversation as a whole (a
// small object, through the engine's view) and name agents by id.
import { chooseTarget, conferenceCandidates, transferCandidates } from '../behaviour/index.js';
import type { RunContext } from './run-context.js';
import * as A from './actions.js';

export function transfer(ctx: RunContext, agent: number, conversationId: number): void {
  const { view, port } = ctx;
  const c = view.conversation(conversationId);
  if (c === undefined || c.ownerId !== port.agentId(agent)) return;
  const sim = ctx.sims.get(conversationId)!;
  // The agent the queue's routing would pick, or another queue.
  const to = chooseTarget(transferCandidates(ctx.scenario.queues, c.queue, view.pickTarget(conversationId)), sim.stream.targetDraw());
  if (to === null) return;
  port.transfer(agent, conversationId, to.queue, to.agent);
  ctx.after('transfer');
}

export function conference(ctx: RunContext, agent: number, conversationId: number): void {
  const { view, port } = ctx;
  const c = view.conversation(conversationId);
  if (c === undefined || c.ownerId !== port.agentId(agent) || c.state !== 'active') return;
  const sim = ctx.sims.get(conversationId)!;
  // The agent the queue's routing would pick, or (where the channel allows it) the queue.
  const to = chooseTarget(conferenceCandidates(c.queue, c.conferenceToQueue, view.pickTarget(conversationId)), sim.stream.targetDraw());
  if (to === null) return;
  port.conference(agent, conversationId, to.queue, to.agent);
  ctx.after('conference');
}

export function leaveConference(ctx: RunContext, conversationId: number): void {
  const { view, port } = ctx;
  const c = view.conversation(conversationId);
  if (c === undefined || c.conferenceStatus !== 'active' || c.ownerId === null || c.conferenceAgentId === null) return;
  const sim = ctx.sims.get(conversationId)!;
  if (sim.stream.invitedLeaves()) {
    port.endConference(port.agentHandle(c.conferenceAgentId), conversationId);
    ctx.after('endConference');
    return;
  }
  // The first agent hands over: the invited agent keeps the chat and ends it later.
  const staying = port.agentHandle(c.conferenceAgentId);
  port.endConference(port.agentHandle(c.ownerId), conversationId);
  ctx.after('endConference');
  ctx.queue.push(ctx.clock[0]! + sim.stream.handleMs(), A.agentAction(A.END, staying), conversationId);
}
