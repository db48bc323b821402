// What the load generator's clients saw of each conversation: when its first
// message was due and sent, whether the server took it, when an agent first
// had it, and its one end state (from the customer's `ended` frame, or, for
// a conversation whose messaging session an agent ended, from that agent's
// acknowledged commands: the customer is not told then). Counted from the
// client side only, to set against the server's own counts.
import type { EndState } from '../engine/events.js';
import type { ConversationCounts } from '../reports/report.js';

export interface ConversationRecord {
  readonly serial: number;
  readonly customerId: string;
  readonly streamIndex: number;
  conversationId: number | null;
  /** When the first message was due, and when it went out (run clock, ms). */
  readonly scheduledMs: number;
  sentMs: number;
  /** The server acknowledged the first message: a conversation exists. */
  arrived: boolean;
  /** Not one the generator meant to open: a message meant for a conversation that had already ended (should stay 0), or `foreign`. */
  stray: boolean;
  /** Started by someone else on a shared target and offered to one of the generator's agents. */
  foreign: boolean;
  queue: string;
  /** An agent has had an offer of it (offer latency is timed to the first). */
  offered: boolean;
  /** First answer: the first owner's `conversation` frame (run clock, ms), or -1. */
  answeredAtMs: number;
  ownerAgentId: string | null;
  /** The first owner drew where the conversation goes; later owners just end it. */
  planned: boolean;
  endState: EndState | null;
  endedAtMs: number;
  sessionEnded: boolean;
  interrupted: boolean;
  /** An agent is about to end it: the customer writes no more. */
  closing: boolean;
  /** Between an agent's transfer and the next owner: the customer waits. */
  transferring: boolean;
  customerEnded: boolean;
  /** Customer frames sent and not yet acknowledged: an agent ends only once these are in. */
  customerInFlight: number;
  quietWaiters: (() => void)[];
  /** Mean time between the owner's replies: the customer answers within it. */
  thinkGapMs: number;
  /** Transfers and conferences acknowledged on it. */
  transfers: number;
  conferences: number;
}

export interface LedgerCounts {
  conversations: ConversationCounts;
  rona: number;
  stray: number;
  foreign: number;
}

export class ConversationLedger {
  readonly records: ConversationRecord[] = [];
  private readonly byId = new Map<number, ConversationRecord>();
  rona = 0;
  private openCount = 0;

  create(customerId: string, streamIndex: number, queue: string, scheduledMs: number): ConversationRecord {
    const rec: ConversationRecord = {
      serial: this.records.length, customerId, streamIndex, conversationId: null, scheduledMs, sentMs: -1, arrived: false, stray: false, foreign: false, queue, offered: false,
      answeredAtMs: -1, ownerAgentId: null, planned: false, endState: null, endedAtMs: -1, sessionEnded: false, interrupted: false,
      closing: false, transferring: false, customerEnded: false, customerInFlight: 0, quietWaiters: [], thinkGapMs: 0, transfers: 0, conferences: 0,
    };
    this.records.push(rec);
    return rec;
  }

  get(conversationId: number): ConversationRecord | undefined {
    return this.byId.get(conversationId);
  }

  bind(rec: ConversationRecord, conversationId: number): void {
    if (rec.conversationId === conversationId) return;
    if (rec.conversationId !== null) throw new Error(`conversation record ${rec.serial} is ${rec.conversationId}, not ${conversationId}`);
    rec.conversationId = conversationId;
    this.byId.set(conversationId, rec);
  }

  /** The server took the first message (its ack, or any frame naming the conversation, whichever comes first). */
  markArrived(rec: ConversationRecord): void {
    if (rec.arrived) return;
    rec.arrived = true;
    if (rec.endState === null) this.openCount++;
  }

  end(rec: ConversationRecord, state: EndState, atMs: number): void {
    if (rec.endState !== null) return;
    this.markArrived(rec);
    rec.endState = state;
    rec.endedAtMs = atMs;
    this.openCount--;
    this.wakeQuiet(rec);
  }

  /** Arrived and not yet in an end state. */
  get open(): number {
    return this.openCount;
  }

  /** Calls `then` once no customer frame of the conversation is waiting for its ack. */
  whenQuiet(rec: ConversationRecord, then: () => void): void {
    if (rec.customerInFlight === 0 || rec.endState !== null) then();
    else rec.quietWaiters.push(then);
  }

  customerSent(rec: ConversationRecord): void {
    rec.customerInFlight++;
  }

  customerAcked(rec: ConversationRecord): void {
    rec.customerInFlight = Math.max(0, rec.customerInFlight - 1);
    if (rec.customerInFlight === 0) this.wakeQuiet(rec);
  }

  /** Counts over the records `include` selects (all by default). */
  counts(include: (rec: ConversationRecord) => boolean = () => true): LedgerCounts {
    const c: ConversationCounts = {
      arrived: 0, answered: 0, abandoned: 0, transferred: 0, droppedOnTransfer: 0,
      conferenced: 0, completed: 0, interrupted: 0, inProgressAtEnd: 0,
    };
    let stray = 0;
    let foreign = 0;
    for (const rec of this.records) {
      if (!rec.arrived || !include(rec)) continue;
      c.arrived++;
      if (rec.foreign) foreign++;
      else if (rec.stray) stray++;
      if (rec.answeredAtMs >= 0) c.answered++;
      c.transferred += rec.transfers;
      c.conferenced += rec.conferences;
      if (rec.endState === null) c.inProgressAtEnd++;
      else c[rec.endState]++;
    }
    return { conversations: c, rona: this.rona, stray, foreign };
  }

  private wakeQuiet(rec: ConversationRecord): void {
    const waiters = rec.quietWaiters;
    rec.quietWaiters = [];
    for (const w of waiters) w();
  }
}
