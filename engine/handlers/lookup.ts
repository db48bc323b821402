// Lookups shared by the handlers: each returns the record or the refusal.
import { Refusal, type EngineCore } from '../core.js';
import type { Agent, Assignment, Conversation } from '../state/types.js';
import type { CctwinError } from '../errors.js';

export function findAgent(core: EngineCore, agentId: string): Agent | CctwinError {
  return core.agents.get(agentId) ?? core.refuse('E_UNKNOWN_AGENT', agentId);
}

export function findConversation(core: EngineCore, conversationId: number): Conversation | CctwinError {
  return core.conversations.get(conversationId) ?? core.refuse('E_UNKNOWN_CONVERSATION', String(conversationId));
}

/** An agent's assignment on a conversation; it names both, so a lookup allocates nothing. */
export type Holding = Assignment;

/** The agent's assignment on the conversation, whatever its phase. */
export function findHolding(core: EngineCore, agentId: string, conversationId: number): Holding | CctwinError {
  const agent = findAgent(core, agentId);
  if (isRefusal(agent)) return agent;
  return holdingOf(core, agent, conversationId);
}

/** findHolding, for an agent already found. */
export function holdingOf(core: EngineCore, agent: Agent, conversationId: number): Holding | CctwinError {
  const a = agent.assignments.get(conversationId);
  if (a === undefined) {
    return core.conversations.has(conversationId)
      ? core.refuse('E_NOT_ASSIGNED', String(conversationId))
      : core.refuse('E_UNKNOWN_CONVERSATION', String(conversationId));
  }
  return a;
}

/** An assignment the agent is actively working: the conversation is live and the agent not in wrap-up. */
export function findActiveHolding(core: EngineCore, agentId: string, conversationId: number): Holding | CctwinError {
  const agent = findAgent(core, agentId);
  if (isRefusal(agent)) return agent;
  return activeHoldingOf(core, agent, conversationId);
}

/** findActiveHolding, for an agent already found. */
export function activeHoldingOf(core: EngineCore, agent: Agent, conversationId: number): Holding | CctwinError {
  const h = holdingOf(core, agent, conversationId);
  if (isRefusal(h)) return h;
  // Only a session end releases an assignment: say so, rather than a bare bad state.
  if (h.phase === 'released') return core.refuse('E_SESSION_ENDED');
  if (h.phase !== 'active' || h.conversation.state !== 'active') return core.refuse('E_BAD_STATE', `conversation ${conversationId} is not active for this agent`);
  return h;
}

/** Refusals for acting on a live conversation that can no longer carry messages. */
export function refuseIfClosed(core: EngineCore, c: Conversation): CctwinError | null {
  if (c.interrupted) return core.refuse('E_INTERRUPTED');
  if (c.sessionEnded) return core.refuse('E_SESSION_ENDED');
  if (c.customerEnded) return core.refuse('E_CUSTOMER_ENDED');
  return null;
}

/** Whether a lookup gave a refusal (every refusal comes from EngineCore.refuse) rather than a record. */
export function isRefusal(x: unknown): x is CctwinError {
  return x instanceof Refusal;
}
