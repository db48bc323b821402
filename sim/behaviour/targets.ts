// Where an agent transfers a conversation or whom it calls into a
// conference: one rule for both drivers. Each driver lists the candidates in
// the same shape and order, from what it can see, and chooseTarget picks with
// one draw of the conversation's customer stream:
//
//   - agents: those that could take it now (available, spare capacity,
//     serving the conversation's queue, not already on it), best first: in
//     the queue's routing order where the driver knows it. The virtual runner
//     asks the engine for the agent its queue's routing would pick
//     (EngineView.pickTarget: the head of that order, all this rule uses); a
//     load client lists them from the server's `targets` frame, in the
//     frame's order (the protocol does not give the routing order);
//   - queues: for a transfer every other queue in the scenario's order (its
//     own queue when there is no other); for a conference its own queue, when
//     the channel allows a conference to a queue and an agent could take it.
//
// The draw u (uniform in [0, 1)) picks the kind: below 1/2 an agent, the
// first one; from 1/2 a queue, spread evenly over the queues by where u
// falls in its half. When the kind drawn has no candidate the other kind is
// taken (a queue by the same u, so a queue is always picked evenly), and
// null when there is none at all. One draw per decision whatever the
// candidates, so how busy the center is never shifts the stream's later
// draws, and the same draw picks the same kind in both drivers.
export type Target =
  | { readonly agent: string; readonly queue?: undefined }
  | { readonly queue: string; readonly agent?: undefined };

export interface TargetCandidates {
  /** Agents that could take it now, best first. */
  readonly agents: readonly string[];
  /** Queues it could go to, in the scenario's order. */
  readonly queues: readonly string[];
}

/** Agents that could take it, best first: a list, or the one agent the queue's routing would pick (null: none). */
export type AgentsInOrder = readonly string[] | string | null;

const NONE: readonly string[] = [];

function agentList(agents: AgentsInOrder): readonly string[] {
  if (agents === null) return NONE;
  return typeof agents === 'string' ? [agents] : agents;
}

/** The draw that picks an agent (the first candidate) rather than a queue: below this. */
export const AGENT_SHARE = 0.5;

export function chooseTarget(candidates: TargetCandidates, u: number): Target | null {
  if (!(u >= 0 && u < 1)) throw new RangeError(`chooseTarget needs a draw in [0, 1), got ${u}`);
  const { agents, queues } = candidates;
  const wantsAgent = u < AGENT_SHARE;
  if (agents.length > 0 && (wantsAgent || queues.length === 0)) return { agent: agents[0]! };
  if (queues.length === 0) return null;
  // Where u falls within its half, stretched to [0, 1): the queue.
  const w = wantsAgent ? u / AGENT_SHARE : (u - AGENT_SHARE) / (1 - AGENT_SHARE);
  return { queue: queues[Math.min(queues.length - 1, Math.floor(w * queues.length))]! };
}

/** A transfer's candidates: the agents given, then every queue but the conversation's (its own when there is no other). */
export function transferCandidates(queues: readonly { readonly name: string }[], queue: string, agents: AgentsInOrder): TargetCandidates {
  const others: string[] = [];
  for (const q of queues) if (q.name !== queue) others.push(q.name);
  return { agents: agentList(agents), queues: others.length > 0 ? others : [queue] };
}

/** A conference's candidates: the agents given, then the conversation's own queue when its channel allows a conference to a queue and an agent could take it. */
export function conferenceCandidates(queue: string, conferenceToQueue: boolean, agents: AgentsInOrder): TargetCandidates {
  const list = agentList(agents);
  return { agents: list, queues: conferenceToQueue && list.length > 0 ? [queue] : NONE };
}

/** What a `targets` frame (the server's answer to `listTargets`) says of each agent. */
export interface TargetAgentLike {
  readonly agentId: string;
  readonly canTake: boolean;
}

/**
 * The agents of a `targets` frame that could take a conversation of `queue`
 * now: they can take work, serve the queue, and are not `self`; in the
 * frame's order.
 */
export function agentsFromTargets(
  agents: readonly TargetAgentLike[], queue: string, self: string, serves: (agentId: string, queue: string) => boolean,
): string[] {
  const out: string[] = [];
  for (const a of agents) if (a.canTake && a.agentId !== self && serves(a.agentId, queue)) out.push(a.agentId);
  return out;
}

/**
 * Whether the agents listed could change what chooseTarget picks, given the
 * queues and the draw: a driver for which listing the agents costs (a load
 * client's `listTargets` round trip) asks only when they could.
 */
export function agentsMatter(queues: readonly string[], u: number): boolean {
  return u < AGENT_SHARE || queues.length === 0;
}
