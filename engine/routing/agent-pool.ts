// Which agent a queue offers to next. A pool holds the agents that could take
// an offer from its queue now (available, spare capacity); the routing policy
// is the order it picks them in. Small interface so benchmarks and tests can
// compare policies.
import type { Agent } from '../state/types.js';
import type { RoutingPolicyName } from '../model/routing-policy.js';
import { LongestAvailablePool } from './pools/longest-available.js';
import { LeastBusyPool } from './pools/least-busy.js';
import { RoundRobinPool } from './pools/round-robin.js';

export interface AgentPool {
  readonly size: number;
  /** The agent's eligibility or load may have changed. */
  update(agent: Agent, eligible: boolean): void;
  /** The agent was just offered a conversation (from any queue). */
  offered(agent: Agent): void;
  /** The agent the policy picks now, skipping those in `exclude`; null when none. */
  pick(exclude: readonly Agent[]): Agent | null;
  /** Agents that belong to the queue, eligible or not (for round-robin's fixed order). */
  join(agent: Agent): void;
}

export function createAgentPool(policy: RoutingPolicyName): AgentPool {
  switch (policy) {
    case 'longest-available': return new LongestAvailablePool();
    case 'least-busy': return new LeastBusyPool();
    case 'round-robin': return new RoundRobinPool();
  }
}
