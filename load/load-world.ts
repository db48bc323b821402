// Everything the simulated agents and customers of one load run share: the
// clock and scheduler, the ledger of conversations, the histograms, the
// masking check, the texts, and the few hand-offs between the two sides
// that a real center does through people (which customer an offer is for,
// a Livechat customer ending the chat, a customer writing again after a
// session end).
import type { EndState } from '../engine/events.js';
import type { CustomerStreamSpec, Scenario } from '../scenarios/scenario.js';
import { createLatencyHistogram, recordValue, type LatencyHistogram } from '../reports/histogram.js';
import type { Rng } from '../sim/random/prng.js';
import type { CustomerModel } from '../sim/behaviour/index.js';
import { emptyTrafficStats, type ConnectionEnv } from './client-connection.js';
import { ConversationLedger, type ConversationRecord } from './conversation-ledger.js';
import { CustomerClient } from './customer-client.js';
import { LeakChecker } from './leak-checker.js';
import { LoadHistograms } from './load-histograms.js';
import { MessageRegistry } from './message-registry.js';
import type { Scheduler } from './scheduler.js';
import { SlotMeter } from './slot-meter.js';
import type { TextPools } from './text-pools.js';

/** A simulated agent, whatever client it speaks through (the twin's protocol, or the vendor's SDK). */
export interface LoadAgent {
  readonly id: string;
  /** Connects and makes itself available. */
  connect(): Promise<void>;
  /** The owner hands a conference over to the invited agent; false when it cannot. */
  handOver(conversationId: number, dueMs: number): boolean;
  close(): void;
}

export interface StreamPlan {
  index: number;
  spec: CustomerStreamSpec;
  /** The behaviour model (sim/behaviour), on the virtual runner's stream for this index: patience, turns, targets, returns. */
  model: CustomerModel;
  /** This stream's own draws in the load run (texts, think times, phone numbers). */
  rng: Rng;
}

/** The scenario histograms the contract's report names, in scenario ms (wall ms x speed). */
export type SimHistogram = 'answerTime' | 'abandonTime' | 'handleTime' | 'wrapUp';

export interface WorldConfig {
  /** Already scaled by the speed: one scenario ms is one wall ms here. */
  scenario: Scenario;
  speed: number;
  wsUrl: string;
  agentToken: (agentId: string) => string;
  scheduler: Scheduler;
  texts: TextPools;
  streams: StreamPlan[];
  /** How early a customer opens its socket before its first message is due. */
  customerLeadMs: number;
  /** Longest an agent waits for the customer's frames in flight before it ends a conversation. */
  quietWaitMaxMs: number;
  /** An owner replies 1 to this many times per conversation (each answered by the customer). */
  maxReplies: number;
}

export class LoadWorld implements ConnectionEnv {
  readonly scenario: Scenario;
  readonly speed: number;
  readonly wsUrl: string;
  readonly agentToken: (agentId: string) => string;
  readonly scheduler: Scheduler;
  readonly texts: TextPools;
  readonly streams: StreamPlan[];
  readonly customerLeadMs: number;
  readonly quietWaitMaxMs: number;
  readonly maxReplies: number;
  readonly histograms = new LoadHistograms();
  readonly stats = emptyTrafficStats();
  readonly ledger = new ConversationLedger();
  readonly leaks: LeakChecker;
  readonly messages = new MessageRegistry();
  readonly slots: SlotMeter;
  readonly sim: Record<SimHistogram, LatencyHistogram> = {
    answerTime: createLatencyHistogram('ms'), abandonTime: createLatencyHistogram('ms'),
    handleTime: createLatencyHistogram('ms'), wrapUp: createLatencyHistogram('ms'),
  };
  readonly agents = new Map<string, LoadAgent>();
  /** Queues each agent serves (transfers and conferences pick agents of the conversation's queue). */
  readonly agentQueues = new Map<string, readonly string[]>();
  private readonly customersByName = new Map<string, CustomerClient>();
  private readonly openCustomers = new Set<CustomerClient>();
  private openAgents = 0;
  peakConnections = 0;
  /** Customers made whose first message is not yet answered (or failed). */
  pendingFirst = 0;
  /** Customers due to write again after a session end, not yet made. */
  pendingReturns = 0;
  stopped = false;

  constructor(config: WorldConfig) {
    this.scenario = config.scenario;
    this.speed = config.speed;
    this.wsUrl = config.wsUrl;
    this.agentToken = config.agentToken;
    this.scheduler = config.scheduler;
    this.texts = config.texts;
    this.streams = config.streams;
    this.customerLeadMs = config.customerLeadMs;
    this.quietWaitMaxMs = config.quietWaitMaxMs;
    this.maxReplies = config.maxReplies;
    this.leaks = new LeakChecker(config.scenario.tenant.maskSensitiveData, config.texts.customerValues);
    this.slots = new SlotMeter(config.scenario.warmupMs, config.scenario.durationMs);
  }

  now = (): number => this.scheduler.now();

  get connections(): { agents: number; customers: number } {
    return { agents: this.openAgents, customers: this.openCustomers.size };
  }

  /** A new customer of `stream` whose first message is due at `dueMs`. */
  spawnCustomer(stream: StreamPlan, customerId: string, dueMs: number): void {
    const customer = new CustomerClient(this, stream, customerId, dueMs);
    this.customersByName.set(customerId, customer);
    this.pendingFirst++;
    customer.start();
  }

  /** Counted in the report's figures: arrived after the warm-up. */
  counted(rec: ConversationRecord): boolean {
    return rec.scheduledMs >= this.scenario.warmupMs;
  }

  streamOf(rec: ConversationRecord | undefined): StreamPlan {
    return this.streams[rec?.streamIndex ?? 0]!;
  }

  recordSim(name: SimHistogram, wallMs: number): void {
    recordValue(this.sim[name], Math.max(0, wallMs) * this.speed);
  }

  /** An agent got an offer: find whose conversation it is; the first offer times offer latency. */
  offered(conversationId: number, customerName: string, queue: string, receivedMs: number): void {
    let rec = this.ledger.get(conversationId);
    if (rec === undefined) {
      const customer = this.customersByName.get(customerName);
      if (customer !== undefined && customer.rec.conversationId === null) {
        rec = customer.rec;
        this.ledger.bind(rec, conversationId);
        this.ledger.markArrived(rec);
      } else {
        rec = this.stray(conversationId, customerName, customer?.stream ?? this.streams[0]!, queue, receivedMs);
        rec.foreign = customer === undefined;
      }
    }
    rec.queue = queue;
    if (rec.offered) return;
    rec.offered = true;
    if (!rec.stray) this.histograms.record('offer', rec.scheduledMs, rec.sentMs, receivedMs);
  }

  /** A customer frame named a conversation: its own (bound on first sight), or another one. */
  customerSaw(customer: CustomerClient, conversationId: number): ConversationRecord {
    const own = customer.rec;
    if (own.conversationId === conversationId) return own;
    if (own.conversationId === null) {
      this.ledger.bind(own, conversationId);
      this.ledger.markArrived(own);
      return own;
    }
    return this.ledger.get(conversationId) ?? this.stray(conversationId, customer.customerId, customer.stream, customer.stream.spec.queue, this.now());
  }

  delivered(measure: 'customerToAgent' | 'agentToCustomer', id: number, receivedMs: number): void {
    if (id < 0) return;
    const m = this.messages.take(id, measure);
    if (m !== undefined) this.histograms.record(measure, m.scheduledMs, m.sentMs, receivedMs);
  }

  answered(rec: ConversationRecord, atMs: number): void {
    rec.answeredAtMs = atMs;
    if (this.counted(rec)) this.recordSim('answerTime', atMs - rec.scheduledMs);
  }

  ended(rec: ConversationRecord, state: EndState, atMs: number): void {
    if (rec.endState !== null) return;
    this.ledger.end(rec, state, atMs);
    if (!this.counted(rec)) return;
    if (state === 'abandoned') this.recordSim('abandonTime', atMs - rec.scheduledMs);
    else if (rec.answeredAtMs >= 0) this.recordSim('handleTime', atMs - rec.answeredAtMs);
  }

  /** The agent's session end was acknowledged: the customer is not told and goes; it may write again later. */
  sessionEnded(rec: ConversationRecord): void {
    const customer = this.customersByName.get(rec.customerId);
    if (customer !== undefined && customer.rec === rec) customer.close();
    const stream = this.streamOf(rec);
    const backAfterMs = stream.model.returnAfterMs();
    if (backAfterMs < 0) return;
    const dueMs = this.now() + backAfterMs;
    if (dueMs >= this.scenario.durationMs) return;
    this.pendingReturns++;
    this.scheduler.at(Math.max(this.now(), dueMs - this.customerLeadMs), () => {
      this.pendingReturns--;
      this.spawnCustomer(stream, rec.customerId, dueMs);
    });
  }

  /** A Livechat customer ends the chat (an outcome the first owner drew). */
  customerEnds(rec: ConversationRecord, dueMs: number): void {
    const customer = this.customersByName.get(rec.customerId);
    if (customer !== undefined && customer.rec === rec) customer.endChat(dueMs);
  }

  agentOpened(): void {
    this.openAgents++;
    this.notePeak();
  }

  agentClosed(): void {
    this.openAgents--;
  }

  customerOpened(customer: CustomerClient): void {
    if (customer.conn.closed) return;
    this.openCustomers.add(customer);
    this.notePeak();
  }

  customerClosed(customer: CustomerClient): void {
    this.openCustomers.delete(customer);
    // Offers find their customer by name only until the conversation is known; a closed one is done with.
    if (this.customersByName.get(customer.customerId) === customer) this.customersByName.delete(customer.customerId);
  }

  firstSettled(): void {
    this.pendingFirst--;
  }

  /** Every customer socket still open (to close at the end). */
  customersOpen(): CustomerClient[] {
    return [...this.openCustomers];
  }

  private stray(conversationId: number, customerId: string, stream: StreamPlan, queue: string, atMs: number): ConversationRecord {
    const rec = this.ledger.create(customerId, stream.index, queue, atMs);
    rec.stray = true;
    rec.sentMs = atMs;
    this.ledger.bind(rec, conversationId);
    this.ledger.markArrived(rec);
    return rec;
  }

  private notePeak(): void {
    const n = this.openAgents + this.openCustomers.size;
    if (n > this.peakConnections) this.peakConnections = n;
  }
}
