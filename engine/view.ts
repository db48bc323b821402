// Read-only views of the engine's state, for drivers, samplers and the
// server: what a wallboard, a reconnecting desktop or a simulated person may
// look at. Nothing here changes state, and nothing outside engine/ reads the
// core's records directly (test/architecture/engine-seam.test.ts): the
// records may change shape, these answers do not.
//
// Two kinds of reads. Scalar reads (heldSlots, stateOf, offerPending, counts
// into a caller's object…) allocate nothing, for the virtual-time runner's
// hot path. Shapes (conversation, agent, offersOf…) are small fresh objects,
// plain data that stays valid after later commands, for the server, tests
// and a driver's rarer decisions.
import type { EngineCore } from './core.js';
import type { Channel } from './model/channel.js';
import type { TenantSettings } from './model/tenant.js';
import type { AgentState, ConferenceStatus, CustomerView, OfferKind, TranscriptEntry } from './events.js';
import type { Conversation } from './state/types.js';

export type ConversationState = 'queued' | 'offered' | 'active' | 'ended';
/** What an agent holds of one conversation. `released`: the session ended and freed the slot. */
export type AssignmentPhase = 'active' | 'wrapUp' | 'released';

export interface ConversationInfo {
  readonly conversationId: number;
  readonly state: ConversationState;
  readonly assetId: string;
  readonly channel: Channel;
  /** The queue it belongs to (where it waits, or came from). */
  readonly queue: string;
  readonly customerId: string;
  readonly proactive: boolean;
  readonly arrivedAtMs: number;
  /** -1 until first answered. */
  readonly answeredAtMs: number;
  readonly ownerId: string | null;
  readonly conferenceAgentId: string | null;
  readonly conferenceStatus: ConferenceStatus | 'none';
  readonly interrupted: boolean;
  readonly customerEnded: boolean;
  readonly sessionEnded: boolean;
  /** Its channel allows a conference to a queue (not only to an agent). */
  readonly conferenceToQueue: boolean;
}

export interface AgentInfo {
  readonly agentId: string;
  readonly name: string;
  readonly state: AgentState;
  /** Only when idle with a reason. */
  readonly reason?: string;
  /** Slots in use: pending offers plus conversations held (active or in wrap-up). */
  readonly load: number;
  readonly capacity: number;
  readonly offers: number;
  /** Conversations it holds, in any phase. */
  readonly conversations: number;
  /** Available with spare capacity: it would be offered work now. */
  readonly eligible: boolean;
}

export interface OfferInfo {
  readonly offerId: number;
  readonly conversationId: number;
  readonly kind: OfferKind;
  readonly expiresAtMs: number;
}

export interface AssignmentInfo {
  readonly conversationId: number;
  readonly phase: AssignmentPhase;
  /** `conference` while the agent is the invited one of a conference. */
  readonly role: 'owner' | 'conference';
}

export interface QueueInfo {
  readonly name: string;
  readonly waiting: number;
  /** Agents that could take an offer from it now. */
  readonly availableAgents: number;
}

export interface AssetInfo {
  readonly assetId: string;
  readonly channel: Channel;
  readonly queue: string;
  /** Conversations on it not yet ended. */
  readonly open: number;
}

/** One history line as agents see it (masked text), and whether it is internal (a note, or the engine's own record). */
export interface HistoryLine extends TranscriptEntry {
  readonly internal: boolean;
}

/** Agents by what they are doing, as a wallboard counts them. Filled in place by EngineView.countAgents. */
export interface AgentCounts {
  /** Available and holding nothing. */
  available: number;
  /** Available and holding or being offered something. */
  engaged: number;
  idle: number;
  rona: number;
  /** Capacity summed over every agent. */
  slots: number;
}

export function emptyAgentCounts(): AgentCounts {
  return { available: 0, engaged: 0, idle: 0, rona: 0, slots: 0 };
}

export class EngineView {
  constructor(private readonly core: EngineCore) {}

  // ---- scalar reads: no allocation ----

  /** Conversations held by agents (active or in wrap-up), summed over agents: occupancy's numerator. */
  heldSlots(): number {
    return this.core.heldSlots;
  }

  /** Conversations waiting in every queue. */
  waitingTotal(): number {
    let n = 0;
    for (const q of this.core.queues.values()) n += q.waiting.size;
    return n;
  }

  /** Whether an offer is still pending (not accepted, rescinded or expired): its expiry timer would act. */
  offerPending(offerId: number): boolean {
    return this.core.offers.has(offerId);
  }

  /** The conversation's state; undefined once it is over and forgotten (or never was). */
  stateOf(conversationId: number): ConversationState | undefined {
    return this.core.conversations.get(conversationId)?.state;
  }

  /** When it was first answered; -1 when not yet, or unknown. */
  answeredAtMs(conversationId: number): number {
    return this.core.conversations.get(conversationId)?.answeredAtMs ?? -1;
  }

  /**
   * The agent its queue's routing would offer it to now, leaving out the
   * agents already holding it; null when none can take it (or it is unknown).
   */
  pickTarget(conversationId: number): string | null {
    const c = this.core.conversations.get(conversationId);
    if (c === undefined) return null;
    return c.queue.pool.pick(c.heldBy)?.id ?? null;
  }

  /** The customer's open conversation on an asset (where their next message goes), or undefined. */
  openConversationId(assetId: string, customerId: string): number | undefined {
    return this.core.openConversationOf(assetId, customerId)?.id;
  }

  /** Adds every agent to `into` by state (see AgentCounts), after zeroing it; returns it. */
  countAgents(into: AgentCounts): AgentCounts {
    into.available = 0;
    into.engaged = 0;
    into.idle = 0;
    into.rona = 0;
    into.slots = 0;
    for (const a of this.core.agents.values()) {
      if (a.state === 'rona') into.rona++;
      else if (a.state === 'idle') into.idle++;
      else if (a.load > 0) into.engaged++;
      else into.available++;
      into.slots += a.capacity;
    }
    return into;
  }

  // ---- shapes: small fresh objects ----

  conversation(conversationId: number): ConversationInfo | undefined {
    const c = this.core.conversations.get(conversationId);
    return c === undefined ? undefined : conversationInfo(c);
  }

  /** Every conversation the engine still knows (not ended, or ended but still held or offered), oldest first. */
  conversations(): ConversationInfo[] {
    return [...this.core.conversations.values()].map(conversationInfo);
  }

  /** Ids of the conversations not yet ended, oldest first. */
  openConversationIds(): number[] {
    const ids: number[] = [];
    for (const c of this.core.conversations.values()) if (c.state !== 'ended') ids.push(c.id);
    return ids;
  }

  /** Conversations the engine knows, by state. */
  conversationsByState(): Record<ConversationState, number> {
    const byState: Record<ConversationState, number> = { queued: 0, offered: 0, active: 0, ended: 0 };
    for (const c of this.core.conversations.values()) byState[c.state]++;
    return byState;
  }

  /** Name and number as agents see them (masked when the tenant masks). */
  customerOf(conversationId: number): CustomerView | undefined {
    const c = this.core.conversations.get(conversationId);
    return c === undefined ? undefined : this.core.customerView(c);
  }

  /** The channel asset's label (an SMS or WhatsApp number, a page, a widget) as agents see it. */
  sourceOf(conversationId: number): string | undefined {
    const c = this.core.conversations.get(conversationId);
    return c === undefined ? undefined : this.core.sourceOf(c);
  }

  /** The history as agents see it: masked text, oldest first, within the tenant's cap. */
  history(conversationId: number): HistoryLine[] {
    const c = this.core.conversations.get(conversationId);
    if (c === undefined) return [];
    return c.transcript.map((e) =>
      e.agentId === undefined
        ? { from: e.from, text: e.maskedText, atMs: e.atMs, internal: e.internal }
        : { from: e.from, agentId: e.agentId, text: e.maskedText, atMs: e.atMs, internal: e.internal },
    );
  }

  agent(agentId: string): AgentInfo | undefined {
    const a = this.core.agents.get(agentId);
    if (a === undefined) return undefined;
    return {
      agentId: a.id, name: a.name, state: a.state, ...(a.idleReason ? { reason: a.idleReason } : {}),
      load: a.load, capacity: a.capacity, offers: a.offers.size, conversations: a.assignments.size, eligible: this.core.eligible(a),
    };
  }

  /** Every agent, in the order they were added. */
  agents(): AgentInfo[] {
    const out: AgentInfo[] = [];
    for (const id of this.core.agents.keys()) out.push(this.agent(id)!);
    return out;
  }

  /** The agent's pending offers, oldest first; empty for an unknown agent. */
  offersOf(agentId: string): OfferInfo[] {
    const a = this.core.agents.get(agentId);
    if (a === undefined) return [];
    return [...a.offers.values()].map((o) => ({ offerId: o.id, conversationId: o.conversation.id, kind: o.kind, expiresAtMs: o.expiresAtMs }));
  }

  /** What the agent holds, in the order it took it; empty for an unknown agent. */
  assignmentsOf(agentId: string): AssignmentInfo[] {
    const a = this.core.agents.get(agentId);
    if (a === undefined) return [];
    return [...a.assignments.values()].map((x) => ({
      conversationId: x.conversation.id, phase: x.phase, role: x.conversation.conferenceAgent === a ? 'conference' : 'owner',
    }));
  }

  queues(): QueueInfo[] {
    return [...this.core.queues.values()].map((q) => ({ name: q.name, waiting: q.waiting.size, availableAgents: q.pool.size }));
  }

  assets(): AssetInfo[] {
    return [...this.core.assets.values()].map((a) => ({ assetId: a.id, channel: a.channel, queue: a.queue.name, open: a.open }));
  }

  /** The tenant's settings (a copy). */
  tenant(): TenantSettings {
    return { ...this.core.tenant };
  }

  /** The wrap-up reasons agents may pick from. */
  wrapUpReasons(): readonly string[] {
    return this.core.wrapUpReasons;
  }
}

function conversationInfo(c: Conversation): ConversationInfo {
  return {
    conversationId: c.id, state: c.state, assetId: c.asset.id, channel: c.asset.channel, queue: c.queue.name,
    customerId: c.customerId, proactive: c.proactive, arrivedAtMs: c.arrivedAtMs, answeredAtMs: c.answeredAtMs,
    ownerId: c.owner?.id ?? null, conferenceAgentId: c.conferenceAgent?.id ?? null, conferenceStatus: c.conferenceStatus,
    interrupted: c.interrupted, customerEnded: c.customerEnded, sessionEnded: c.sessionEnded,
    conferenceToQueue: c.asset.rules.conferenceToQueue,
  };
}
