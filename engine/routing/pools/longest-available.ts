// Longest available: the agent that has waited longest since it became
// eligible or was last offered something. A Map keeps insertion order, so
// "move to the back" is delete + set and "pick" is the first key: O(1).
import type { Agent } from '../../state/types.js';
import type { AgentPool } from '../agent-pool.js';

export class LongestAvailablePool implements AgentPool {
  private readonly order = new Map<Agent, true>();

  get size(): number {
    return this.order.size;
  }

  join(): void {}

  update(agent: Agent, eligible: boolean): void {
    if (!eligible) this.order.delete(agent);
    else if (!this.order.has(agent)) this.order.set(agent, true);
  }

  offered(agent: Agent): void {
    if (this.order.delete(agent)) this.order.set(agent, true);
  }

  pick(exclude: readonly Agent[]): Agent | null {
    for (const agent of this.order.keys()) if (exclude.length === 0 || !exclude.includes(agent)) return agent;
    return null;
  }
}
