// setState: the agent's own availability. Leaving RONA takes this manual action.
import type { EngineCore } from '../core.js';
import type { AgentStateRequest, Command } from '../commands.js';
import type { Agent } from '../state/types.js';
import type { CctwinError } from '../errors.js';
import { findAgent, isRefusal } from './lookup.js';

type SetState = Extract<Command, { type: 'setState' }>;

export function setState(core: EngineCore, cmd: SetState): CctwinError | null {
  const agent = findAgent(core, cmd.agentId);
  if (isRefusal(agent)) return agent;
  return setStateOf(core, agent, cmd.state, cmd.reason);
}

export function setStateOf(core: EngineCore, agent: Agent, state: AgentStateRequest, reason: string | undefined): CctwinError | null {
  if (state !== 'available' && state !== 'idle') {
    return core.refuse('E_MALFORMED', `state must be available or idle, not ${String(state)}`);
  }
  agent.state = state;
  agent.idleReason = state === 'idle' ? (reason ?? 'Not ready') : undefined;
  core.sink.agentState(agent);
  core.refresh(agent);
  core.routeAgent(agent);
  return null;
}
