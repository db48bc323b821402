// Round robin: agents in the fixed order they joined the queue; each pick
// starts after the agent last offered. Eligibility is a flag per position;
// each agent's position is kept by agent handle.
import type { Agent } from '../../state/types.js';
import type { AgentPool } from '../agent-pool.js';

export class RoundRobinPool implements AgentPool {
  private readonly members: Agent[] = [];
  private eligible = new Uint8Array(16);
  private count = 0;
  private last = -1;
  /** Each member's position in `members`, by agent handle; -1: not a member. */
  private position = new Int32Array(16).fill(-1);

  get size(): number {
    return this.count;
  }

  join(agent: Agent): void {
    const h = agent.index;
    if (h >= this.position.length) {
      let n = this.position.length;
      while (n <= h) n *= 2;
      const grown = new Int32Array(n).fill(-1);
      grown.set(this.position);
      this.position = grown;
    }
    if (this.position[h]! >= 0) return;
    this.position[h] = this.members.length;
    this.members.push(agent);
    if (this.members.length > this.eligible.length) {
      const grown = new Uint8Array(this.eligible.length * 2);
      grown.set(this.eligible);
      this.eligible = grown;
    }
  }

  update(agent: Agent, eligible: boolean): void {
    const i = agent.index < this.position.length ? this.position[agent.index]! : -1;
    if (i < 0) return;
    const flag = eligible ? 1 : 0;
    if (this.eligible[i] === flag) return;
    this.eligible[i] = flag;
    this.count += eligible ? 1 : -1;
  }

  offered(agent: Agent): void {
    const i = agent.index < this.position.length ? this.position[agent.index]! : -1;
    if (i >= 0) this.last = i;
  }

  pick(exclude: readonly Agent[]): Agent | null {
    if (this.count === 0) return null;
    const n = this.members.length;
    for (let step = 1; step <= n; step++) {
      const i = (this.last + step) % n;
      if (this.eligible[i] === 1 && !exclude.includes(this.members[i]!)) return this.members[i]!;
    }
    return null;
  }
}
