// Longest available: the agent that has waited longest since it became
// eligible or was last offered something. A list in that order, linked by
// agent handle: "move to the back" is unlink + append and "pick" is the
// head, both O(1).
import type { Agent } from '../../state/types.js';
import type { AgentPool } from '../agent-pool.js';
import { IndexList } from './index-list.js';

export class LongestAvailablePool implements AgentPool {
  private readonly order = new IndexList();
  /** Members by handle. */
  private readonly agents: (Agent | undefined)[] = [];
  /** 1 while the agent (by handle) is on the list. */
  private listed = new Uint8Array(16);
  private count = 0;

  get size(): number {
    return this.count;
  }

  join(agent: Agent): void {
    const i = agent.index;
    this.agents[i] = agent;
    if (i >= this.listed.length) {
      let n = this.listed.length;
      while (n <= i) n *= 2;
      const grown = new Uint8Array(n);
      grown.set(this.listed);
      this.listed = grown;
    }
    this.order.ensure(i);
  }

  update(agent: Agent, eligible: boolean): void {
    const i = agent.index;
    if (i >= this.listed.length) this.join(agent);
    const flag = eligible ? 1 : 0;
    if (this.listed[i] === flag) return;
    if (eligible) this.order.append(i);
    else this.order.remove(i);
    this.listed[i] = flag;
    this.count += eligible ? 1 : -1;
  }

  offered(agent: Agent): void {
    const i = agent.index;
    if (this.listed[i] !== 1) return;
    this.order.remove(i);
    this.order.append(i);
  }

  pick(exclude: readonly Agent[]): Agent | null {
    return this.order.first(this.agents, exclude);
  }
}
