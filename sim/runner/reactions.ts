// The simulated people's reactions to what the engine says, row by row: an
// agent offered a conversation plans its accept (or lets it ring into RONA),
// an agent in RONA plans its recovery, a new conversation's customer starts
// their patience, an agent given a conversation plans its turn (handle,
// transfer, conference, end the session...), wrap-up and ends are planned,
// a customer whose session was ended may come back. Every decision is the
// behaviour model's (sim/behaviour); this only puts it on the event queue.
import {
  AGENT_STATE_CODES, EV_AGENT_STATE, EV_ARRIVED, EV_CONVERSATION, EV_CUSTOMER_ENDED, EV_ENDED, EV_INTERRUPTED, EV_OFFER,
  EV_SESSION_ENDED, EV_TIMER, EV_WRAP_UP_REQUIRED, ROLE_CONFERENCE,
} from '../../engine/index.js';
import type { RowReader, RunContext } from './run-context.js';
import type { CustomerArrivals, Return } from './customer-arrivals.js';
import * as A from './actions.js';

export class Reactions implements RowReader {
  /**
   * The offer whose accept was planned last, and (in acceptAt[0]) when. The
   * engine asks for an offer's expiry timer right after the offer
   * (EventSink: offer, then timer). A timer due no earlier than its offer's
   * planned accept can only find the offer gone (accepted then, or withdrawn
   * before: the accept was queued first, so it goes first at the same time),
   * and a gone offer's timer is skipped uncounted: such a timer is not
   * queued at all. Nothing else changes: no event, draw or count depends on it.
   */
  private acceptPlannedFor = -1;
  private readonly acceptAt = new Float64Array(1);
  /** When the action being planned is due: a cell, so that no double is boxed to push it (EventQueue.pushAt). */
  private readonly at = new Float64Array(1);

  constructor(private readonly ctx: RunContext, private readonly arrivals: CustomerArrivals) {}

  react(i: number): void {
    const { ev, queue, clock, models } = this.ctx;
    const at = this.at;
    switch (ev.types[i]) {
      case EV_TIMER: {
        const offerId = ev.offers[i]!;
        const atMs = ev.atMs[i]!;
        if (offerId !== this.acceptPlannedFor || this.acceptAt[0]! > atMs) {
          at[0] = atMs;
          queue.pushAt(at, A.ENGINE_TIMER, offerId);
        }
        break;
      }
      case EV_OFFER: {
        const agent = ev.agents[i]!;
        const delay = models[agent]!.acceptAfterMs();
        this.acceptPlannedFor = -1;
        if (delay >= 0) {
          this.acceptPlannedFor = ev.offers[i]!;
          this.acceptAt[0] = clock[0]! + delay;
          queue.pushAt(this.acceptAt, A.agentAction(A.ACCEPT, agent), this.acceptPlannedFor);
        }
        break;
      }
      case EV_AGENT_STATE:
        if (AGENT_STATE_CODES[ev.codes[i]!] === 'rona') {
          const agent = ev.agents[i]!;
          at[0] = clock[0]! + models[agent]!.ronaRecoveryMs();
          queue.pushAt(at, A.agentAction(A.SET_AVAILABLE, agent), 0);
        }
        break;
      case EV_ARRIVED: {
        const id = ev.conversations[i]!;
        const patience = this.ctx.sims.arrived(id).stream.patienceMs();
        if (patience >= 0) {
          at[0] = clock[0]! + patience;
          queue.pushAt(at, A.PATIENCE, id);
        }
        break;
      }
      case EV_CONVERSATION:
        this.plan(ev.agents[i]!, ev.conversations[i]!, ev.codes[i] === ROLE_CONFERENCE);
        break;
      case EV_WRAP_UP_REQUIRED: {
        const agent = ev.agents[i]!;
        at[0] = clock[0]! + models[agent]!.wrapUpMs();
        queue.pushAt(at, A.agentAction(A.WRAP_UP, agent), ev.conversations[i]!);
        break;
      }
      case EV_CUSTOMER_ENDED:
      case EV_INTERRUPTED: {
        const agent = ev.agents[i]!;
        at[0] = clock[0]! + models[agent]!.reactAfterMs();
        queue.pushAt(at, A.agentAction(A.END, agent), ev.conversations[i]!);
        break;
      }
      case EV_SESSION_ENDED:
        this.sessionEnded(ev.conversations[i]!);
        break;
      case EV_ENDED:
        this.ctx.sims.ended(ev.conversations[i]!);
        break;
    }
  }

  /** An agent got a conversation: its turn, from the behaviour model, onto the queue. */
  private plan(agent: number, conversationId: number, conference: boolean): void {
    const { queue, clock } = this.ctx;
    const sim = this.ctx.sims.get(conversationId);
    if (sim === undefined) return;
    // The same object each call: read at once.
    const turn = sim.stream.turn(conference ? 'conference' : 'owner', !conference && !sim.planned);
    if (!conference) sim.planned = true;
    const end = A.agentAction(A.END, agent);
    const now = clock[0]!;
    const at = this.at;
    switch (turn.outcome) {
      case 'leaveConference':
        at[0] = now + turn.handleMs;
        queue.pushAt(at, A.LEAVE_CONFERENCE, conversationId);
        return;
      case 'transfer':
        at[0] = now + turn.midMs;
        queue.pushAt(at, A.agentAction(A.TRANSFER, agent), conversationId);
        return;
      case 'conference':
        at[0] = now + turn.midMs;
        queue.pushAt(at, A.agentAction(A.CONFERENCE, agent), conversationId);
        at[0] = now + turn.handleMs;
        queue.pushAt(at, end, conversationId);
        return;
      case 'customerEnds':
        at[0] = now + turn.midMs;
        queue.pushAt(at, A.CUSTOMER_END, conversationId);
        return;
      case 'sessionEnd':
        at[0] = now + turn.handleMs;
        queue.pushAt(at, A.agentAction(A.END_SESSION, agent), conversationId);
        at[0] = now + turn.handleMs;
        queue.pushAt(at, end, conversationId);
        return;
      case 'end':
        at[0] = now + turn.handleMs;
        queue.pushAt(at, end, conversationId);
        return;
    }
  }

  /** The agent ended the messaging session: the customer may write again later (a new conversation), before arrivals stop. */
  private sessionEnded(conversationId: number): void {
    const sim = this.ctx.sims.get(conversationId);
    if (sim === undefined) return;
    const backAfterMs = sim.stream.returnAfterMs();
    const atMs = this.ctx.clock[0]! + backAfterMs;
    if (backAfterMs >= 0 && atMs < this.ctx.scenario.durationMs) {
      this.ctx.queue.push(atMs, A.RETURN, { arrival: this.arrivals.of(sim.stream), customerKey: sim.customerKey } satisfies Return);
    }
  }
}
