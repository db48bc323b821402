// The SDK's buddy list (getBuddyAgents) from the engine's `targets` answer:
// the same agents, in the same order, with the state the SDK filters on.
// The vendor's entry has no capacity field; the twin adds `canTake` (the
// engine's "could be offered work now": available with a free slot) so a
// desktop can pick among them as the native protocol's clients do. Queue
// membership is not in the vendor's entry either: it is the directory's.
import type { TenantDirectory } from './tenant-directory.js';

/** One agent of a `targets` frame. */
export interface TargetsAgent {
  agentId: string;
  name: string;
  state: string;
  canTake: boolean;
}

export interface BuddyAgent {
  agentId: string;
  agentName: string;
  state: 'Available' | 'Idle';
  teamId: string;
  dn: string;
  siteId: string;
  canTake: boolean;
}

/** The SDK's state of an engine agent state: only `available` reads as Available (RONA and the rest are idle codes). */
export function buddyState(engineState: string): BuddyAgent['state'] {
  return engineState === 'available' ? 'Available' : 'Idle';
}

/** The buddy list for a request that asked for `state` (every state when undefined). */
export function buddyList(agents: readonly TargetsAgent[], dir: TenantDirectory, state: string | undefined): BuddyAgent[] {
  const out: BuddyAgent[] = [];
  for (const a of agents) {
    const s = buddyState(a.state);
    if (state !== undefined && s !== state) continue;
    out.push({ agentId: a.agentId, agentName: a.name, state: s, teamId: dir.agents.get(a.agentId)?.team ?? '', dn: a.agentId, siteId: 'site-1', canTake: a.canTake });
  }
  return out;
}
