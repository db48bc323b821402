// Least busy: the eligible agent holding the fewest conversations; among
// equals, the one that has waited longest. One list per load level, in the
// order agents reached it, so a pick looks at no more lists than the largest
// capacity.
import type { Agent } from '../../state/types.js';
import type { AgentPool } from '../agent-pool.js';
import { LinkList, linkOf } from './pool-link.js';

export class LeastBusyPool implements AgentPool {
  private readonly levels: LinkList[] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  join(agent: Agent): void {
    linkOf(this, agent);
  }

  update(agent: Agent, eligible: boolean): void {
    const l = linkOf(this, agent);
    if (l.level === agent.load && eligible) return;
    if (l.level >= 0) {
      this.levels[l.level]!.remove(l);
      l.level = -1;
      this.count--;
    }
    if (!eligible) return;
    while (this.levels.length <= agent.load) this.levels.push(new LinkList());
    this.levels[agent.load]!.append(l);
    l.level = agent.load;
    this.count++;
  }

  offered(): void {}

  pick(exclude: readonly Agent[]): Agent | null {
    for (const level of this.levels) {
      const agent = level.first(exclude);
      if (agent !== null) return agent;
    }
    return null;
  }
}
