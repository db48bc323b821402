// Least busy: the eligible agent holding the fewest conversations; among
// equals, the one that has waited longest. One insertion-ordered bucket per
// load level, so a pick looks at no more buckets than the largest capacity.
import type { Agent } from '../../state/types.js';
import type { AgentPool } from '../agent-pool.js';

export class LeastBusyPool implements AgentPool {
  private readonly buckets: Map<Agent, true>[] = [];
  private readonly bucketOf = new Map<Agent, number>();

  get size(): number {
    return this.bucketOf.size;
  }

  join(): void {}

  update(agent: Agent, eligible: boolean): void {
    const current = this.bucketOf.get(agent);
    if (current === agent.load && eligible) return;
    if (current !== undefined) {
      this.buckets[current]!.delete(agent);
      this.bucketOf.delete(agent);
    }
    if (!eligible) return;
    while (this.buckets.length <= agent.load) this.buckets.push(new Map());
    this.buckets[agent.load]!.set(agent, true);
    this.bucketOf.set(agent, agent.load);
  }

  offered(): void {}

  pick(exclude: readonly Agent[]): Agent | null {
    for (const bucket of this.buckets) {
      for (const agent of bucket.keys()) if (exclude.length === 0 || !exclude.includes(agent)) return agent;
    }
    return null;
  }
}
