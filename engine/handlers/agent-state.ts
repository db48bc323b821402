// setState: the agent's own availability. Leaving RONA takes this manual action.
import type { EngineCore } from '../core.js';
import type { Command } from '../commands.js';
import type { CctwinError } from '../errors.js';
import { findAgent, isRefusal } from './lookup.js';

type SetState = Extract<Command, { type: 'setState' }>;

export function setState(core: EngineCore, cmd: SetState): CctwinError | null {
  const agent = findAgent(core, cmd.agentId);
  if (isRefusal(agent)) return agent;
  if (cmd.state !== 'available' && cmd.state !== 'idle') {
    return core.refuse('E_MALFORMED', `state must be available or idle, not ${String(cmd.state)}`);
  }
  agent.state = cmd.state;
  agent.idleReason = cmd.state === 'idle' ? (cmd.reason ?? 'Not ready') : undefined;
  core.emit(core.agentStateOf(agent));
  core.refresh(agent);
  core.routeAgent(agent);
  return null;
}
