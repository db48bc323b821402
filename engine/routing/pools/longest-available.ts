// Longest available: the agent that has waited longest since it became
// eligible or was last offered something. A linked list in that order:
// "move to the back" is unlink + append and "pick" is the head, both O(1).
import type { Agent } from '../../state/types.js';
import type { AgentPool } from '../agent-pool.js';
import { LinkList, linkOf } from './pool-link.js';

export class LongestAvailablePool implements AgentPool {
  private readonly order = new LinkList();
  private count = 0;

  get size(): number {
    return this.count;
  }

  join(agent: Agent): void {
    linkOf(this, agent);
  }

  update(agent: Agent, eligible: boolean): void {
    const l = linkOf(this, agent);
    if (l.listed === eligible) return;
    if (eligible) this.order.append(l);
    else this.order.remove(l);
    l.listed = eligible;
    this.count += eligible ? 1 : -1;
  }

  offered(agent: Agent): void {
    const l = linkOf(this, agent);
    if (!l.listed) return;
    this.order.remove(l);
    this.order.append(l);
  }

  pick(exclude: readonly Agent[]): Agent | null {
    return this.order.first(exclude);
  }
}
