// The engine's state records: plain mutable data, linked by reference so the
// hot paths never look anything up twice.
import type { Channel, ChannelRules } from '../model/channel.js';
import type { AgentState, ConferenceStatus, EndState, OfferKind, TranscriptEntry } from '../events.js';
import type { AgentPool } from '../routing/agent-pool.js';
import type { WaitingList } from '../routing/waiting-list.js';
import type { SmallMap } from './small-map.js';
import type { IntMap } from '../int-map.js';

export interface Queue {
  /** Handle: its place in EngineCore.queueList. */
  index: number;
  name: string;
  waiting: WaitingList;
  /** Agents that could take an offer from this queue now, in the order the routing policy picks them. */
  pool: AgentPool;
}

export interface Asset {
  /** Handle: its place in EngineCore.assetList. */
  index: number;
  /** False once deleted: its handle then names nothing. */
  live: boolean;
  id: string;
  channel: Channel;
  rules: ChannelRules;
  queue: Queue;
  /** What the offer shows as the source: the Facebook page, SMS/WhatsApp number or chat widget. */
  label: string;
  /** How many of its conversations are not yet ended (deleting the asset interrupts them). */
  open: number;
  /** Each customer's open conversation here: where their next message goes. */
  byCustomer: Map<string, Conversation>;
  /** The same for customers a driver names by number (LeanPort.customerMessageKeyed). */
  byCustomerKey: IntMap<Conversation>;
}

export interface Agent {
  /** Handle: its place in EngineCore.agentList (the order agents were added). */
  index: number;
  id: string;
  name: string;
  state: AgentState;
  idleReason: string | undefined;
  capacity: number;
  queues: Queue[];
  /** Slots in use: pending offers plus conversations held (active or in wrap-up). */
  load: number;
  offers: SmallMap<number, Offer>;
  assignments: SmallMap<number, Assignment>;
}

/** What an agent holds of one conversation. `released`: the session ended and freed the slot. */
export type AssignmentPhase = 'active' | 'wrapUp' | 'released';

export interface Assignment {
  agent: Agent;
  conversation: Conversation;
  phase: AssignmentPhase;
  wrapUpSinceMs: number;
}

export interface Offer {
  id: number;
  agent: Agent;
  conversation: Conversation;
  kind: OfferKind;
  /** A direct transfer to an agent is dropped when not accepted; everything else returns to its queue. */
  dropOnTimeout: boolean;
  expiresAtMs: number;
}

export type ConversationState = 'queued' | 'offered' | 'active' | 'ended';

export interface Conversation {
  id: number;
  asset: Asset;
  /**
   * The customer: by string id (Engine.execute), or by a driver's number
   * (customerKey >= 0; the string id is then made only when something shows
   * it, by the driver's naming function). Name and number default as the
   * command says: the name to the id, the number to '' (or to the id when
   * the driver says the id is a number).
   */
  readonly customerId: string;
  readonly customerKey: number;
  readonly customerName: string;
  readonly customerNumber: string;
  proactive: boolean;
  arrivedAtMs: number;
  /** Place in its queue; RONA keeps it, a transfer to a queue sets it anew. */
  enqueuedAtMs: number;
  enqueueSeq: number;
  queue: Queue;
  state: ConversationState;
  /** How it is offered when it leaves its queue: `transfer` after a transfer to a queue. */
  queuedKind: 'new' | 'transfer';
  answeredAtMs: number;
  /**
   * Agents holding an assignment on it (working it, or wrapping it up after a
   * transfer). It is never offered back to them; once ended with none, it is forgotten.
   */
  heldBy: Agent[];
  owner: Agent | null;
  conferenceAgent: Agent | null;
  conferenceStatus: ConferenceStatus | 'none';
  /** The one offer out for this conversation (new, transfer or conference), if any. */
  offer: Offer | null;
  interrupted: boolean;
  customerEnded: boolean;
  sessionEnded: boolean;
  /**
   * The history, oldest first, within the tenant's cap. Once lines were
   * dropped, transcript[0] is the system line saying how many.
   */
  transcript: StoredEntry[];
  /** UTF-8 bytes of the kept lines' agent-facing text (the drop line not counted). */
  transcriptBytes: number;
  /** Lines dropped from the head so far; more than 0 means transcript[0] is the drop line. */
  droppedLines: number;
  /** Links of the queue's waiting list. */
  prev: Conversation | null;
  next: Conversation | null;
  /** It is its customer's open conversation on its asset (the asset's byCustomer entry). */
  listed: boolean;
}

export interface StoredEntry extends TranscriptEntry {
  /** What agents see: the masked text when masking was on as it was written. */
  maskedText: string;
  internal: boolean;
}

export type { EndState };
