// Engine events -> frames for the right sockets. Agent frames carry only the
// engine's masked text (`maskedText`, the masked customer view and source);
// customer frames carry the raw text. Recorder and timer events make no frame.
import type { EngineEvent } from '../engine/events.js';
import { agentTarget, customerTarget, deliver, type Deliveries } from './deliveries.js';

const CSAT_TEXT = 'How did we do? Please rate this conversation from 1 to 5.';

export class EventFrames {
  /** Each open conversation's customer target, learnt from `arrived`. */
  private readonly customerOf = new Map<number, string>();
  private readonly endedIds: number[] = [];

  /** Frames for one command's events, in order. Call once per engine command. */
  route(events: readonly EngineEvent[], out: Deliveries): void {
    for (const e of events) this.routeOne(e, out);
    // `closed` follows `ended` within the same command; forget the customer only after both.
    for (const id of this.endedIds) this.customerOf.delete(id);
    this.endedIds.length = 0;
  }

  /** Open conversations whose customer is known (for tests and state views). */
  get openCustomers(): number {
    return this.customerOf.size;
  }

  private routeOne(e: EngineEvent, out: Deliveries): void {
    switch (e.type) {
      case 'agentState':
        toAgent(out, e.agentId, e.reason === undefined ? { type: 'state', state: e.state } : { type: 'state', state: e.state, reason: e.reason });
        return;
      case 'offer':
        toAgent(out, e.agentId, {
          type: 'offer', offerId: e.offerId, conversationId: e.conversationId, kind: e.kind, channel: e.channel,
          queue: e.queue, customer: e.customer, source: e.source, receivedAt: e.receivedAtMs, expiresAt: e.expiresAtMs, proactive: e.proactive,
        }, e.conversationId);
        return;
      case 'offerRescinded':
        toAgent(out, e.agentId, { type: 'offerRescinded', offerId: e.offerId, conversationId: e.conversationId, reason: e.reason }, e.conversationId);
        return;
      case 'conversation': {
        toAgent(out, e.agentId, {
          type: 'conversation', conversationId: e.conversationId, role: e.role, channel: e.channel,
          queue: e.queue, customer: e.customer, source: e.source,
        }, e.conversationId);
        // The engine already masked the transcript it hands to agents. Its
        // lines are marked as history: the hub pages them (outbox.ts).
        for (const entry of e.transcript) {
          toAgent(out, e.agentId, {
            type: 'message', conversationId: e.conversationId, from: entry.from,
            ...(entry.agentId === undefined ? {} : { agentId: entry.agentId }), text: entry.text, at: entry.atMs,
          }, -e.conversationId);
        }
        return;
      }
      case 'wrapUpRequired':
        toAgent(out, e.agentId, { type: 'wrapUpRequired', conversationId: e.conversationId, reasons: e.reasons }, e.conversationId);
        return;
      case 'interrupted':
        toAgent(out, e.agentId, { type: 'interrupted', conversationId: e.conversationId, reason: e.reason }, e.conversationId);
        return;
      case 'customerEnded':
        toAgent(out, e.agentId, { type: 'customerEnded', conversationId: e.conversationId }, e.conversationId);
        return;
      case 'targets':
        toAgent(out, e.agentId, { type: 'targets', queues: e.queues, agents: e.agents });
        return;
      case 'message': {
        const forAgents = JSON.stringify({
          type: 'message', conversationId: e.conversationId, from: e.from,
          ...(e.fromAgentId === undefined ? {} : { agentId: e.fromAgentId }), text: e.maskedText, at: e.atMs,
        });
        for (const id of e.agentIds) deliver(out, agentTarget(id), forAgents, e.conversationId);
        if (e.from === 'customer') return; // the customer's own words are not echoed back
        const customer = this.customerOf.get(e.conversationId);
        if (customer === undefined) return;
        deliver(out, customer, JSON.stringify(e.from === 'agent'
          ? { type: 'message', conversationId: e.conversationId, from: 'agent', text: e.text, at: e.atMs }
          : { type: 'system', conversationId: e.conversationId, text: e.text, at: e.atMs }));
        return;
      }
      case 'note': {
        const frame = JSON.stringify({ type: 'note', conversationId: e.conversationId, agentId: e.agentId, text: e.maskedText, at: e.atMs });
        for (const id of e.agentIds) deliver(out, agentTarget(id), frame, e.conversationId);
        return;
      }
      case 'conferenceStatus': {
        const frame = JSON.stringify({ type: 'conferenceStatus', conversationId: e.conversationId, status: e.status });
        for (const id of e.agentIds) deliver(out, agentTarget(id), frame, e.conversationId);
        return;
      }
      case 'sessionEnded': {
        const frame = JSON.stringify({ type: 'sessionEnded', conversationId: e.conversationId, at: e.atMs });
        for (const id of e.agentIds) deliver(out, agentTarget(id), frame, e.conversationId);
        return;
      }
      case 'arrived':
        this.customerOf.set(e.conversationId, customerTarget(e.assetId, e.customerId));
        return;
      case 'closed': {
        const customer = this.customerOf.get(e.conversationId);
        if (customer !== undefined) deliver(out, customer, JSON.stringify({ type: 'ended', conversationId: e.conversationId, reason: e.reason }));
        return;
      }
      case 'csatSurvey': {
        const customer = this.customerOf.get(e.conversationId);
        if (customer !== undefined) deliver(out, customer, JSON.stringify({ type: 'system', conversationId: e.conversationId, text: CSAT_TEXT, survey: 'csat' }));
        return;
      }
      case 'ended':
        this.endedIds.push(e.conversationId);
        return;
      case 'timer':
      case 'answered':
      case 'transferred':
      case 'conferenced':
      case 'rona':
      case 'wrapUpDone':
        return;
    }
  }
}

/** `about`: the conversation the frame is about, negative for a history line (Deliveries.about). */
function toAgent(out: Deliveries, agentId: string, frame: object, about = 0): void {
  deliver(out, agentTarget(agentId), JSON.stringify(frame), about);
}
