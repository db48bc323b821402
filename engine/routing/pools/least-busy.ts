// Least busy: the eligible agent holding the fewest conversations; among
// equals, the one that has waited longest at that level. One list per load
// level, in the order agents reached it, so a pick looks at no more lists
// than the largest capacity. An agent is on one level's list at most, so
// one set of links by agent handle serves them all.
import type { Agent } from '../../state/types.js';
import type { AgentPool } from '../agent-pool.js';
import { IndexList } from './index-list.js';

export class LeastBusyPool implements AgentPool {
  /** Each level's list; they share no agent, so each keeps its own head and tail over its own links. */
  private readonly levels: IndexList[] = [];
  /** Members by handle. */
  private readonly agents: (Agent | undefined)[] = [];
  /** The level list each agent (by handle) is on; -1: none. */
  private levelOf = new Int32Array(16).fill(-1);
  private count = 0;

  get size(): number {
    return this.count;
  }

  join(agent: Agent): void {
    const i = agent.index;
    this.agents[i] = agent;
    if (i >= this.levelOf.length) {
      let n = this.levelOf.length;
      while (n <= i) n *= 2;
      const grown = new Int32Array(n).fill(-1);
      grown.set(this.levelOf);
      this.levelOf = grown;
    }
  }

  update(agent: Agent, eligible: boolean): void {
    const i = agent.index;
    if (i >= this.levelOf.length) this.join(agent);
    const at = this.levelOf[i]!;
    if (at === agent.load && eligible) return;
    if (at >= 0) {
      this.levels[at]!.remove(i);
      this.levelOf[i] = -1;
      this.count--;
    }
    if (!eligible) return;
    while (this.levels.length <= agent.load) this.levels.push(new IndexList());
    this.levels[agent.load]!.append(i);
    this.levelOf[i] = agent.load;
    this.count++;
  }

  offered(): void {}

  pick(exclude: readonly Agent[]): Agent | null {
    for (const level of this.levels) {
      const agent = level.first(this.agents, exclude);
      if (agent !== null) return agent;
    }
    return null;
  }
}
