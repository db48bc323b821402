// Where the core's events go. The core says what happened, with its records
// (sink methods), and a sink writes it down in its own form: ObjectEvents
// builds the EngineEvent objects of Engine.execute (the server, tests); an
// EventBuffer (event-buffer.ts) writes rows of numbers into reusable typed
// arrays for the virtual-time runner, with integer handles instead of string
// ids and none of the display payloads (customer view, source, history).
// One set of rules either way: only the form of the output differs.
//
// A sink method is called at the moment the event happens, so whatever it
// reads of the records is their state at that moment, as when the core built
// the objects itself.
import type { EndState, EngineEvent } from './events.js';
import type { Agent, Conversation, Offer } from './state/types.js';
import type { EngineCore } from './core.js';

export interface EventSink {
  /** The agent's own state (and idle reason) as it is now. */
  agentState(agent: Agent): void;
  offer(offer: Offer): void;
  /** The offer's expiry timer. */
  timer(offer: Offer): void;
  conversation(agent: Agent, c: Conversation, role: 'owner' | 'conference'): void;
  wrapUpRequired(agent: Agent, c: Conversation): void;
  customerEnded(agent: Agent, c: Conversation): void;
  /** The conversation's channel asset was deleted under it. */
  interrupted(agent: Agent, c: Conversation, reason: string): void;
  /** To the agents on it now. */
  sessionEnded(c: Conversation): void;
  arrived(c: Conversation): void;
  answered(c: Conversation, agent: Agent): void;
  transferred(c: Conversation, to: 'queue' | 'agent'): void;
  conferenced(c: Conversation): void;
  rona(agent: Agent, offer: Offer): void;
  wrapUpDone(agent: Agent, conversationId: number, reason: string, durationMs: number): void;
  ended(c: Conversation, endState: EndState): void;
  /**
   * Any other event, built by the caller: listTargets' answer and the
   * display-only events a quiet engine leaves out.
   */
  other(e: EngineEvent): void;
}

/** Events as objects, appended to `out`: Engine.execute's form. */
export class ObjectEvents implements EventSink {
  out: EngineEvent[] = [];

  constructor(private readonly core: EngineCore) {}

  agentState(agent: Agent): void {
    this.out.push(this.core.agentStateOf(agent));
  }

  offer(offer: Offer): void {
    const c = offer.conversation;
    const core = this.core;
    this.out.push({
      type: 'offer', agentId: offer.agent.id, offerId: offer.id, conversationId: c.id, kind: offer.kind,
      channel: c.asset.channel, queue: c.queue.name, customer: core.customerView(c),
      source: core.sourceOf(c), receivedAtMs: c.arrivedAtMs, expiresAtMs: offer.expiresAtMs,
      proactive: c.proactive,
    });
  }

  timer(offer: Offer): void {
    this.out.push({ type: 'timer', timerKind: 'offerExpiry', ref: offer.id, atMs: offer.expiresAtMs });
  }

  conversation(agent: Agent, c: Conversation, role: 'owner' | 'conference'): void {
    const core = this.core;
    this.out.push({
      type: 'conversation', agentId: agent.id, conversationId: c.id, role,
      channel: c.asset.channel, queue: c.queue.name, customer: core.customerView(c), source: core.sourceOf(c),
      transcript: core.transcriptFor(c),
    });
  }

  wrapUpRequired(agent: Agent, c: Conversation): void {
    this.out.push({ type: 'wrapUpRequired', agentId: agent.id, conversationId: c.id, reasons: this.core.wrapUpReasons });
  }

  customerEnded(agent: Agent, c: Conversation): void {
    this.out.push({ type: 'customerEnded', agentId: agent.id, conversationId: c.id });
  }

  interrupted(agent: Agent, c: Conversation, reason: string): void {
    this.out.push({ type: 'interrupted', agentId: agent.id, conversationId: c.id, reason });
  }

  sessionEnded(c: Conversation): void {
    this.out.push({ type: 'sessionEnded', conversationId: c.id, agentIds: this.core.agentIdsOf(c), atMs: this.core.nowMs });
  }

  arrived(c: Conversation): void {
    const asset = c.asset;
    this.out.push({ type: 'arrived', conversationId: c.id, customerId: c.customerId, assetId: asset.id, channel: asset.channel, queue: asset.queue.name, atMs: this.core.nowMs });
  }

  answered(c: Conversation, agent: Agent): void {
    this.out.push({ type: 'answered', conversationId: c.id, agentId: agent.id, arrivedAtMs: c.arrivedAtMs, atMs: this.core.nowMs });
  }

  transferred(c: Conversation, to: 'queue' | 'agent'): void {
    this.out.push({ type: 'transferred', conversationId: c.id, to, atMs: this.core.nowMs });
  }

  conferenced(c: Conversation): void {
    this.out.push({ type: 'conferenced', conversationId: c.id, atMs: this.core.nowMs });
  }

  rona(agent: Agent, offer: Offer): void {
    this.out.push({ type: 'rona', agentId: agent.id, offerId: offer.id, atMs: this.core.nowMs });
  }

  wrapUpDone(agent: Agent, conversationId: number, reason: string, durationMs: number): void {
    this.out.push({ type: 'wrapUpDone', agentId: agent.id, conversationId, reason, durationMs });
  }

  ended(c: Conversation, endState: EndState): void {
    this.out.push({ type: 'ended', conversationId: c.id, endState, arrivedAtMs: c.arrivedAtMs, answeredAtMs: c.answeredAtMs, atMs: this.core.nowMs });
  }

  other(e: EngineEvent): void {
    this.out.push(e);
  }
}
