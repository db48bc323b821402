// The conversation record (state/types.ts's Conversation) as a class, so
// that a customer named by a driver's number gets its string id only when
// something shows it (a view, an event object), never on the virtual-time
// path. Records are pooled (EngineCore.newConversation): set() makes one new.
import type { ConferenceStatus } from '../events.js';
import type { Agent, Asset, Conversation, ConversationState, Offer, Queue, StoredEntry } from './types.js';

/** A driver's names for the customers it numbers (LeanPort.nameCustomers). */
export type CustomerNamer = (key: number) => string;

export class ConversationRecord implements Conversation {
  id = 0;
  asset: Asset;
  customerKey = -1;
  private idText: string | null = null;
  private nameText: string | null = null;
  private numberText: string | null = null;
  private numberIsId = false;
  private namer: CustomerNamer | null = null;
  proactive = false;
  arrivedAtMs = 0;
  enqueuedAtMs = 0;
  enqueueSeq = 0;
  queue: Queue;
  state: ConversationState = 'queued';
  queuedKind: 'new' | 'transfer' = 'new';
  answeredAtMs = -1;
  heldBy: Agent[] = [];
  owner: Agent | null = null;
  conferenceAgent: Agent | null = null;
  conferenceStatus: ConferenceStatus | 'none' = 'none';
  offer: Offer | null = null;
  interrupted = false;
  customerEnded = false;
  sessionEnded = false;
  transcript: StoredEntry[] = [];
  transcriptBytes = 0;
  droppedLines = 0;
  prev: Conversation | null = null;
  next: Conversation | null = null;
  listed = false;

  constructor(asset: Asset) {
    this.asset = asset;
    this.queue = asset.queue;
  }

  get customerId(): string {
    if (this.idText === null) this.idText = this.namer!(this.customerKey);
    return this.idText;
  }

  get customerName(): string {
    return this.nameText ?? this.customerId;
  }

  get customerNumber(): string {
    return this.numberText ?? (this.numberIsId ? this.customerId : '');
  }

  /**
   * Who the customer is: a string id (key -1), or a driver's number and the
   * driver's namer. `name` null: the id; `number` null: the id when
   * `numberIsId`, else ''.
   */
  setCustomer(id: string | null, key: number, namer: CustomerNamer | null, name: string | null, number: string | null, numberIsId: boolean): void {
    this.idText = id;
    this.customerKey = key;
    this.namer = namer;
    this.nameText = name;
    this.numberText = number;
    this.numberIsId = numberIsId;
  }
}
