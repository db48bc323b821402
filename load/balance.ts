// The load run's balance: what the clients saw against what the server
// counted (its recorder-event counts, as the run changed them: a baseline is
// taken before the first arrival, so a shared target's earlier traffic does
// not count). Every conversation must be in exactly one end state, on both
// sides, and the two sides must agree on every count. On a target that other
// traffic shares, that cannot hold exactly: `otherTraffic` then says what
// gave the other traffic away, and the balance is reported, not judged.
import type { HostCounts } from '../server/index.js';
import type { LedgerCounts } from './conversation-ledger.js';

export const BALANCE_FIELDS = [
  'arrived', 'answered', 'transferred', 'conferenced', 'rona',
  'completed', 'abandoned', 'droppedOnTransfer', 'interrupted', 'inProgress',
] as const;
export type BalanceField = (typeof BALANCE_FIELDS)[number];
export type BalanceCounts = Record<BalanceField, number>;

export interface Balance {
  /** False when the server's counts could not be read (then nothing is compared). */
  checked: boolean;
  /** Both sides agree on every count and each puts every conversation in exactly one end state. */
  balanced: boolean;
  /**
   * The counts must agree exactly: true unless other traffic was seen on the
   * target (`otherTraffic`). Only an exact balance that does not balance fails the run.
   */
  exact: boolean;
  /** What showed that others share the target (their conversations reaching this run's agents, their connections): why the balance cannot be exact. */
  otherTraffic: string[];
  client: BalanceCounts;
  server: BalanceCounts | null;
  /** `field: client X, server Y` for each disagreement, and any side whose end states do not add up. */
  differences: string[];
  /** Conversations a message the generator did not mean as a first message opened (a race; should be 0). */
  strayConversations: number;
  /** Conversations someone else started on a shared target that reached this run's agents: their fate is not all visible here. */
  foreignConversations: number;
}

export function clientBalanceCounts(c: LedgerCounts): BalanceCounts {
  const v = c.conversations;
  return {
    arrived: v.arrived, answered: v.answered, transferred: v.transferred, conferenced: v.conferenced, rona: c.rona,
    completed: v.completed, abandoned: v.abandoned, droppedOnTransfer: v.droppedOnTransfer, interrupted: v.interrupted, inProgress: v.inProgressAtEnd,
  };
}

export function serverBalanceCounts(c: HostCounts): BalanceCounts {
  return {
    arrived: c.arrived, answered: c.answered, transferred: c.transferred, conferenced: c.conferenced, rona: c.rona,
    completed: c.ended.completed, abandoned: c.ended.abandoned, droppedOnTransfer: c.ended.droppedOnTransfer, interrupted: c.ended.interrupted, inProgress: c.inProgress,
  };
}

/** `after - before`, field by field: what one run added to a server's counts. */
export function countsDelta(after: BalanceCounts, before: BalanceCounts): BalanceCounts {
  const out = {} as BalanceCounts;
  for (const f of BALANCE_FIELDS) out[f] = after[f] - before[f];
  return out;
}

/**
 * Sets the two sides' counts against each other. `otherTraffic`: what else
 * was seen of other traffic on the target (connections that are not this
 * run's); conversations others started that reached this run's agents are added to it.
 */
export function compareBalance(client: BalanceCounts, server: BalanceCounts | null, strayConversations: number, foreignConversations = 0, otherTraffic: readonly string[] = []): Balance {
  const differences: string[] = [];
  const others = [...otherTraffic];
  if (foreignConversations > 0) others.unshift(`${foreignConversations} conversation(s) this run did not start reached its agents`);
  const exact = others.length === 0;
  const endStatesAddUp = (side: string, c: BalanceCounts): void => {
    const total = c.completed + c.abandoned + c.droppedOnTransfer + c.interrupted + c.inProgress;
    if (total !== c.arrived) differences.push(`${side}: end states add up to ${total}, arrived ${c.arrived}`);
  };
  endStatesAddUp('client', client);
  if (server === null) return { checked: false, balanced: false, exact, otherTraffic: others, client, server, differences, strayConversations, foreignConversations };
  endStatesAddUp('server', server);
  for (const f of BALANCE_FIELDS) if (client[f] !== server[f]) differences.push(`${f}: client ${client[f]}, server ${server[f]}`);
  return { checked: true, balanced: differences.length === 0, exact, otherTraffic: others, client, server, differences, strayConversations, foreignConversations };
}
