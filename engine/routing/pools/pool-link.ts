// What a pool keeps on each of its agents: list links, a load level or a
// position. Each agent carries one link per pool it is in, found by a scan of
// its (one to three) links, so pools hash nothing and allocate nothing once
// an agent has joined.
import type { Agent } from '../../state/types.js';

export interface PoolLink {
  readonly pool: object;
  readonly agent: Agent;
  prev: PoolLink | null;
  next: PoolLink | null;
  /** On the pool's list (longest-available), or the load level's list it is on (least-busy; -1: none). */
  listed: boolean;
  level: number;
  /** Place in the fixed order (round-robin; -1: not a member). */
  index: number;
}

export function linkOf(pool: object, agent: Agent): PoolLink {
  const links = agent.poolLinks;
  for (let i = 0; i < links.length; i++) if (links[i]!.pool === pool) return links[i]!;
  const link: PoolLink = { pool, agent, prev: null, next: null, listed: false, level: -1, index: -1 };
  links.push(link);
  return link;
}

/** Agents in the order they were appended; any can leave in O(1). */
export class LinkList {
  head: PoolLink | null = null;
  tail: PoolLink | null = null;

  append(l: PoolLink): void {
    l.prev = this.tail;
    l.next = null;
    if (this.tail === null) this.head = l;
    else this.tail.next = l;
    this.tail = l;
  }

  remove(l: PoolLink): void {
    if (l.prev === null) this.head = l.next;
    else l.prev.next = l.next;
    if (l.next === null) this.tail = l.prev;
    else l.next.prev = l.prev;
    l.prev = null;
    l.next = null;
  }

  /** The first agent not in `exclude`, or null. */
  first(exclude: readonly Agent[]): Agent | null {
    for (let l = this.head; l !== null; l = l.next) if (exclude.length === 0 || !exclude.includes(l.agent)) return l.agent;
    return null;
  }
}
