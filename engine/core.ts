// The engine's state and the mechanics every command handler shares:
// offering, queueing, routing, assignments and ending. Handlers (handlers/)
// validate first and call these only once a command is known to be valid, so
// a refused command changes nothing.
import type { Channel, ChannelRules } from './model/channel.js';
import { DEFAULT_HISTORY_MAX_BYTES, DEFAULT_HISTORY_MAX_MESSAGES, type TenantSettings } from './model/tenant.js';
import type { EndState, EngineEvent, OfferKind, RescindReason, TranscriptEntry, CustomerView } from './events.js';
import type { Agent, Assignment, Asset, Conversation, Offer, Queue, StoredEntry } from './state/types.js';
import type { CctwinError, ErrorCode } from './errors.js';
import { ERRORS } from './errors.js';
import { isBefore } from './routing/waiting-list.js';
import { maskIdentityField } from './masking/index.js';
import { ObjectEvents, type EventSink } from './event-sink.js';
import { IntMap } from './int-map.js';
import { ConversationRecord, type CustomerNamer } from './state/conversation-record.js';

export type TextMasker = (text: string) => string;

/** Conversation and offer ids stay int32 (2,147,483,647: 5,000 years of a million conversations a day). */
const MAX_ID = 2 ** 31 - 1;
/** Spare history lines kept for reuse (EngineCore.entry). */
const MAX_SPARE_ENTRIES = 4096;

/**
 * A refusal as the engine makes it: plain data ({ code, message }) to its
 * callers, and its own class inside, so a handler tells a refusal from a
 * record by one prototype check (isRefusal) rather than probing properties.
 */
export class Refusal implements CctwinError {
  constructor(
    public code: ErrorCode,
    public message: string,
  ) {}
}

export class EngineCore {
  tenant: TenantSettings;
  readonly channelRules: Record<Channel, ChannelRules>;
  readonly wrapUpReasons: readonly string[];
  readonly queues = new Map<string, Queue>();
  readonly assets = new Map<string, Asset>();
  readonly agents = new Map<string, Agent>();
  readonly conversations = new IntMap<Conversation>();
  readonly offers = new IntMap<Offer>();
  /** Every agent ever added, by handle (Agent.index): the order they were added. */
  readonly agentList: Agent[] = [];
  /** Every queue, by handle (Queue.index): the order of the configuration. */
  readonly queueList: Queue[] = [];
  /** Every asset ever added, by handle (Asset.index); a deleted one stays, marked. */
  readonly assetList: Asset[] = [];
  /** Conversations held by agents (active or in wrap-up), summed over agents: occupancy's numerator. */
  heldSlots = 0;
  nowMs = 0;
  /** The events as objects (Engine.execute's form). */
  readonly objects: ObjectEvents;
  /** Where events go during the current command: `objects`, or a driver's EventBuffer. */
  sink: EventSink;
  private nextConversationId = 1;
  private nextOfferId = 1;
  private enqueueSeq = 0;

  constructor(
    tenant: TenantSettings,
    channelRules: Record<Channel, ChannelRules>,
    wrapUpReasons: readonly string[],
    private readonly maskText: TextMasker,
    /** Display-only events are left out (EngineConfig.quiet). */
    readonly quiet = false,
  ) {
    this.tenant = tenant;
    this.channelRules = channelRules;
    this.wrapUpReasons = wrapUpReasons;
    this.objects = new ObjectEvents(this);
    this.sink = this.objects;
  }

  /** An event the sink has no method for (see EventSink.other). */
  emit(e: EngineEvent): void {
    this.sink.other(e);
  }

  refuse(code: ErrorCode, detail?: string): CctwinError {
    return new Refusal(code, detail === undefined ? ERRORS[code] : `${ERRORS[code]}: ${detail}`);
  }

  forAgents(text: string): string {
    return this.tenant.maskSensitiveData ? this.maskText(text) : text;
  }

  /** The agent's own state as its desktop shows it; the reason only when idle with one. */
  agentStateOf(agent: Agent): EngineEvent {
    return agent.idleReason
      ? { type: 'agentState', agentId: agent.id, state: agent.state, reason: agent.idleReason }
      : { type: 'agentState', agentId: agent.id, state: agent.state };
  }

  /**
   * An identity field as agents see it: masked by what the field holds (a
   * number as a phone number, whatever its format; an address by the email
   * rule), not only by what the text detectors find (masking/identity-field.ts).
   */
  identityForAgents(value: string): string {
    return this.tenant.maskSensitiveData ? maskIdentityField(value, this.maskText) : value;
  }

  /** Name and number (the name defaults to the customer's id, often their number). */
  customerView(c: Conversation): CustomerView {
    return { name: this.identityForAgents(c.customerName), number: this.identityForAgents(c.customerNumber) };
  }

  /** The channel asset's label (an SMS or WhatsApp number) as agents see it. */
  sourceOf(c: Conversation): string {
    return this.identityForAgents(c.asset.label);
  }

  // ---- record pools ----
  // Conversations, offers and assignments done with are kept and reused, so
  // a long run allocates none once warm and the collector finds no
  // medium-lived garbage (what made most of its work). A record freed during
  // a command is reused only from the next command on: nothing still reading
  // it in the command that freed it can see it change.
  private readonly spareOffers: Offer[] = [];
  private readonly spareAssignments: Assignment[] = [];
  private readonly freedConversations: ConversationRecord[] = [];
  private readonly freedOffers: Offer[] = [];
  private readonly freedAssignments: Assignment[] = [];

  /** Called as each command starts: what the last one freed becomes reusable. */
  recycle(): void {
    // Most commands free nothing: the checks skip three calls per command.
    if (this.freedConversations.length > 0) moveAll(this.freedConversations, this.spareRecords);
    if (this.freedOffers.length > 0) moveAll(this.freedOffers, this.spareOffers);
    if (this.freedAssignments.length > 0) moveAll(this.freedAssignments, this.spareAssignments);
  }

  /**
   * History lines of recycled conversations, reused by entry(): nothing
   * outside the core keeps a line (views and events copy what they show), so
   * a line is free once its conversation's record is reused. At most
   * MAX_SPARE_ENTRIES are kept, so a burst of long histories is not held on to.
   */
  private readonly spareEntries: StoredEntry[] = [];

  /** The spare conversation records (pooled; the class is in state/conversation-record.ts). */
  private readonly spareRecords: ConversationRecord[] = [];

  /**
   * A new conversation with a new id, queued on its asset's queue (not yet
   * listed anywhere). The customer: `customerId`, or (null) the driver's
   * number `customerKey` named by `namer` when shown; see ConversationRecord.
   */
  newConversation(
    asset: Asset, customerId: string | null, customerKey: number, namer: CustomerNamer | null,
    name: string | null, number: string | null, numberIsId: boolean, proactive: boolean,
  ): Conversation {
    const id = this.nextConversationId++;
    if (id > MAX_ID) throw new RangeError(`more than ${MAX_ID} conversations in one engine`);
    const now = this.nowMs;
    const c = this.spareRecords.pop() ?? new ConversationRecord(asset);
    c.id = id;
    c.asset = asset;
    c.setCustomer(customerId, customerKey, namer, name, number, numberIsId);
    c.proactive = proactive;
    c.arrivedAtMs = now;
    c.enqueuedAtMs = now;
    c.enqueueSeq = 0;
    c.queue = asset.queue;
    c.state = 'queued';
    c.queuedKind = 'new';
    c.answeredAtMs = -1;
    // heldBy is empty: a conversation is freed only once no agent holds it.
    c.owner = null;
    c.conferenceAgent = null;
    c.conferenceStatus = 'none';
    c.offer = null;
    c.interrupted = false;
    c.customerEnded = false;
    c.sessionEnded = false;
    // Popped, not `length = 0`: a call into the runtime, and it would drop the backing store.
    const t = c.transcript;
    const spare = this.spareEntries;
    while (t.length > 0) {
      const e = t.pop()!;
      if (spare.length < MAX_SPARE_ENTRIES) spare.push(e);
    }
    c.transcriptBytes = 0;
    c.droppedLines = 0;
    c.prev = null;
    c.next = null;
    c.listed = false;
    return c;
  }

  // ---- eligibility and routing ----

  eligible(agent: Agent): boolean {
    return agent.state === 'available' && agent.load < agent.capacity;
  }

  refresh(agent: Agent): void {
    const eligible = this.eligible(agent);
    for (const q of agent.queues) q.pool.update(agent, eligible);
  }

  /** Put a conversation in a queue. `keepPlace`: a RONA return keeps its original place. */
  enqueue(c: Conversation, queue: Queue, keepPlace: boolean): void {
    c.state = 'queued';
    c.queue = queue;
    if (!keepPlace) {
      c.enqueuedAtMs = this.nowMs;
      c.enqueueSeq = ++this.enqueueSeq;
    }
    queue.waiting.insert(c);
    this.routeQueue(queue);
  }

  /** Offer waiting conversations, oldest first, while the queue has agents to take them. */
  routeQueue(queue: Queue): void {
    let c = queue.waiting.head;
    while (c !== null && queue.pool.size > 0) {
      const next = c.next;
      const agent = queue.pool.pick(c.heldBy);
      if (agent !== null) {
        queue.waiting.remove(c);
        this.offer(agent, c, c.queuedKind, false);
      }
      c = next;
    }
  }

  /** Offer an agent that may have become eligible the oldest conversation waiting in any of its queues. */
  routeAgent(agent: Agent): void {
    while (this.eligible(agent)) {
      let best: Conversation | null = null;
      for (const q of agent.queues) {
        let head = q.waiting.head;
        while (head !== null && head.heldBy.includes(agent)) head = head.next;
        if (head !== null && (best === null || isBefore(head, best))) best = head;
      }
      if (best === null) return;
      best.queue.waiting.remove(best);
      this.offer(agent, best, best.queuedKind, false);
    }
  }

  offer(agent: Agent, c: Conversation, kind: OfferKind, dropOnTimeout: boolean): Offer {
    const rules = c.asset.rules;
    const id = this.nextOfferId++;
    if (id > MAX_ID) throw new RangeError(`more than ${MAX_ID} offers in one engine`);
    const expiresAtMs = this.nowMs + rules.ronaTimeoutMs;
    let offer = this.spareOffers.pop();
    if (offer === undefined) {
      offer = { id, agent, conversation: c, kind, dropOnTimeout, expiresAtMs };
    } else {
      offer.id = id;
      offer.agent = agent;
      offer.conversation = c;
      offer.kind = kind;
      offer.dropOnTimeout = dropOnTimeout;
      offer.expiresAtMs = expiresAtMs;
    }
    agent.offers.set(offer.id, offer);
    this.offers.set(offer.id, offer);
    c.offer = offer;
    if (kind !== 'conference') c.state = 'offered';
    agent.load++;
    // refresh(agent), then the pools' `offered`, in one pass: each queue's pool is its own.
    const eligible = this.eligible(agent);
    for (const q of agent.queues) {
      q.pool.update(agent, eligible);
      q.pool.offered(agent);
    }
    this.sink.offer(offer);
    this.sink.timer(offer);
    return offer;
  }

  /** Take an offer off the books and free its slot; the caller decides what becomes of the conversation. */
  withdrawOffer(offer: Offer): void {
    if (this.offers.delete(offer.id)) this.freedOffers.push(offer);
    offer.agent.offers.delete(offer.id);
    if (offer.conversation.offer === offer) offer.conversation.offer = null;
    offer.agent.load--;
    this.refresh(offer.agent);
  }

  rescind(offer: Offer, reason: RescindReason): void {
    this.withdrawOffer(offer);
    if (!this.quiet) this.emit({ type: 'offerRescinded', agentId: offer.agent.id, offerId: offer.id, conversationId: offer.conversation.id, reason });
    this.routeAgent(offer.agent);
  }

  // ---- assignments ----

  /** An accepted offer becomes an assignment; its slot stays taken. */
  assign(offer: Offer): Assignment {
    if (this.offers.delete(offer.id)) this.freedOffers.push(offer);
    offer.agent.offers.delete(offer.id);
    const c = offer.conversation;
    if (c.offer === offer) c.offer = null;
    let a = this.spareAssignments.pop();
    if (a === undefined) {
      a = { agent: offer.agent, conversation: c, phase: 'active', wrapUpSinceMs: 0 };
    } else {
      a.agent = offer.agent;
      a.conversation = c;
      a.phase = 'active';
      a.wrapUpSinceMs = 0;
    }
    offer.agent.assignments.set(c.id, a);
    // Kept with its (pooled) conversation, so pushing allocates only the first time.
    c.heldBy.push(offer.agent);
    this.heldSlots++;
    return a;
  }

  startWrapUp(agent: Agent, a: Assignment): void {
    a.phase = 'wrapUp';
    a.wrapUpSinceMs = this.nowMs;
    this.sink.wrapUpRequired(agent, a.conversation);
  }

  /** Free the slot now but leave the conversation on the agent's desktop (session ended, capacity released). */
  releaseSlot(agent: Agent, a: Assignment): void {
    if (a.phase === 'released') return;
    a.phase = 'released';
    agent.load--;
    this.heldSlots--;
    this.refresh(agent);
  }

  /** The agent is done with the conversation: drop the assignment and route new work to it. */
  dropAssignment(agent: Agent, a: Assignment): void {
    const c = a.conversation;
    if (agent.assignments.delete(c.id)) this.freedAssignments.push(a);
    removeFrom(c.heldBy, agent);
    if (a.phase !== 'released') {
      agent.load--;
      this.heldSlots--;
    }
    if (c.owner === agent) c.owner = null;
    if (c.conferenceAgent === agent) c.conferenceAgent = null;
    this.refresh(agent);
    this.forgetIfDone(c);
    this.routeAgent(agent);
  }

  agentIdsOf(c: Conversation): string[] {
    const ids: string[] = [];
    if (c.owner !== null) ids.push(c.owner.id);
    if (c.conferenceAgent !== null) ids.push(c.conferenceAgent.id);
    return ids;
  }

  // ---- conversations ----

  /** The customer's open conversation on an asset, where their next message goes. */
  openConversationOf(assetId: string, customerId: string): Conversation | undefined {
    return this.assets.get(assetId)?.byCustomer.get(customerId);
  }

  /** Close the conversation to the customer: their next message starts a new one. */
  closeToCustomer(c: Conversation): void {
    if (c.listed) {
      if (c.customerKey >= 0) c.asset.byCustomerKey.delete(c.customerKey);
      else c.asset.byCustomer.delete(c.customerId);
      c.listed = false;
    }
  }

  /**
   * Count the conversation's one end state. Agents still holding it go on to
   * wrap-up separately. After a session end the customer is not told.
   */
  endConversation(c: Conversation, endState: EndState): void {
    if (c.state === 'queued') c.queue.waiting.remove(c);
    if (c.state !== 'ended') c.asset.open--;
    c.state = 'ended';
    this.closeToCustomer(c);
    this.sink.ended(c, endState);
    if (!c.sessionEnded && !this.quiet) this.emit({ type: 'closed', conversationId: c.id, customerId: c.customerId, reason: endState });
    this.forgetIfDone(c);
  }

  forgetIfDone(c: Conversation): void {
    if (c.state === 'ended' && c.heldBy.length === 0 && c.offer === null && this.conversations.delete(c.id)) this.freedConversations.push(c as ConversationRecord);
  }

  /**
   * Add a line to the conversation's history, written now; `agentId` when an
   * agent wrote it. The history stays within the tenant's cap (capHistory).
   */
  record(c: Conversation, from: TranscriptEntry['from'], text: string, agentId: string | undefined, internal: boolean): StoredEntry {
    const stored = this.entry(from, text, agentId, internal);
    c.transcript.push(stored);
    c.transcriptBytes += utf8Length(stored.maskedText);
    if (c.transcript.length - (c.droppedLines > 0 ? 1 : 0) > this.historyMaxMessages() || c.transcriptBytes > this.historyMaxBytes()) this.capHistory(c);
    return stored;
  }

  historyMaxMessages(): number {
    return this.tenant.historyMaxMessages ?? DEFAULT_HISTORY_MAX_MESSAGES;
  }

  historyMaxBytes(): number {
    return this.tenant.historyMaxBytes ?? DEFAULT_HISTORY_MAX_BYTES;
  }

  /**
   * The rule at the cap: the oldest lines are dropped and one system line at
   * the head says how many ("N earlier messages were dropped"). A contact
   * center would not refuse a customer's message because a chat grew long:
   * the customer would be silenced mid-conversation for something it cannot
   * see, and the agent would lose exactly the newest words it needs. What an
   * agent needs from a long history is its recent part, and the live frames
   * already showed the agents of the moment every line. So the customer is
   * never refused and the newest lines are kept; the newest line is kept even
   * alone over the byte cap (a single message is bounded by the channel or
   * the server's frame limit). Deterministic: it depends only on the lines
   * and the tenant's cap.
   */
  private capHistory(c: Conversation): void {
    const t = c.transcript;
    const head = c.droppedLines > 0 ? 1 : 0;
    const maxLines = this.historyMaxMessages();
    const maxBytes = this.historyMaxBytes();
    let drop = 0;
    let bytes = c.transcriptBytes;
    while (t.length - head - drop > 1 && (t.length - head - drop > maxLines || bytes > maxBytes)) {
      bytes -= utf8Length(t[head + drop]!.maskedText);
      drop++;
    }
    if (drop === 0) return;
    const lastDroppedAtMs = t[head + drop - 1]!.atMs;
    t.splice(head, drop);
    c.transcriptBytes = bytes;
    c.droppedLines += drop;
    const text = c.droppedLines === 1 ? '1 earlier message was dropped from this history' : `${c.droppedLines} earlier messages were dropped from this history`;
    // Not masked: the engine's own words. Its time is the newest dropped line's, so the history stays in time order.
    const marker: StoredEntry = { from: 'system', agentId: undefined, text, atMs: lastDroppedAtMs, maskedText: text, internal: false };
    if (head === 1) t[0] = marker;
    else t.unshift(marker);
  }

  /** A history line written now, not yet added to any conversation. */
  entry(from: TranscriptEntry['from'], text: string, agentId: string | undefined, internal: boolean): StoredEntry {
    const maskedText = this.forAgents(text);
    const stored = this.spareEntries.pop();
    // Every line has the same fields (agentId undefined when no agent wrote it), so reused lines keep one shape.
    if (stored === undefined) return { from, agentId, text, atMs: this.nowMs, maskedText, internal };
    stored.from = from;
    stored.agentId = agentId;
    stored.text = text;
    stored.atMs = this.nowMs;
    stored.maskedText = maskedText;
    stored.internal = internal;
    return stored;
  }

  /** What an agent's desktop shows of the history: masked text, no internal flag. */
  transcriptFor(c: Conversation): TranscriptEntry[] {
    return c.transcript.map(agentFacing);
  }
}

function moveAll<T>(from: T[], to: T[]): void {
  for (let n = from.length; n > 0; n--) to.push(from.pop()!);
}

/** Drop one element, keeping the order; no array is allocated, unlike splice. */
function removeFrom<T>(list: T[], x: T): void {
  const i = list.indexOf(x);
  if (i < 0) return;
  for (let j = i + 1; j < list.length; j++) list[j - 1] = list[j]!;
  list.pop();
}

/** The last string utf8Length measured, and its length: drivers often send the same text again and again. */
let lastMeasured = '';
let lastLength = 0;

/** UTF-8 length of a string, without allocating (a lone surrogate counts 3, as its replacement character). */
export function utf8Length(s: string): number {
  if (s === lastMeasured) return lastLength;
  lastLength = utf8LengthOf(s);
  lastMeasured = s;
  return lastLength;
}

function utf8LengthOf(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) n += 1;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 2; // a pair: 4 bytes for 2 units
      i++;
    } else n += 2;
  }
  return n;
}

function agentFacing(e: StoredEntry): TranscriptEntry {
  return e.agentId ? { from: e.from, agentId: e.agentId, text: e.maskedText, atMs: e.atMs } : { from: e.from, text: e.maskedText, atMs: e.atMs };
}
