// One customer stream, in both drivers (the virtual runner and the load
// clients): how patient its customers are, and what their conversations turn
// into once an agent has them (handle time, transfers, conferences, Livechat
// customers ending, session ends, returns, where a transfer or conference
// goes, who leaves a conference). Pure: draws come from the seeded stream
// passed in, `deriveSeed(seed, 'customers', index)` in both drivers; times
// are in the scenario's ms (a load run hands in its sped-up scenario).
import type { CustomerStreamSpec } from '../../scenarios/scenario.js';
import type { Rng } from '../random/prng.js';
import { createSampler, type Sampler } from '../random/sample.js';

export type Outcome = 'end' | 'transfer' | 'conference' | 'customerEnds' | 'sessionEnd';

/** What an agent who just took a conversation will do with it. */
export interface Turn {
  /** ms from taking it until the agent ends it (or ends the session, or, invited to a conference, leaves). */
  handleMs: number;
  /**
   * The invited agent of a conference leaves (`leaveConference`); the first
   * owner does what its stream's shares draw; a later owner ends it.
   */
  outcome: Outcome | 'leaveConference';
  /** ms from taking it until the transfer, the conference call or the customer's end; -1 for the other outcomes. */
  midMs: number;
}

export class CustomerModel {
  private readonly patience: Sampler | null;
  private readonly handle: Sampler;
  private served = 0;
  private readonly current: Turn = { handleMs: 0, outcome: 'end', midMs: -1 };

  constructor(readonly spec: CustomerStreamSpec, readonly index: number, readonly assetId: string, private readonly rng: Rng) {
    this.patience = spec.patience === null ? null : createSampler(spec.patience);
    this.handle = createSampler(spec.handleTime);
  }

  nextCustomerId(): string {
    return `s${this.index}-${++this.served}`;
  }

  /** ms a customer waits before giving up, or -1 if it never does. Patience runs from the arrival to the first answer. */
  patienceMs(): number {
    return this.patience === null ? -1 : this.patience(this.rng);
  }

  /** Whether a Livechat chat is started by the business (call for Livechat only). */
  proactive(): boolean {
    return this.spec.proactive > 0 && this.rng.chance(this.spec.proactive);
  }

  /** A handle time: how long an agent works the conversation (also: how long the agent left alone in a conference keeps it). */
  handleMs(): number {
    return this.handle(this.rng);
  }

  /**
   * The turn of an agent who just took a conversation of this stream, as
   * owner or as the invited agent of a conference: its handle time and, for
   * the conversation's first owner, where the conversation goes and when
   * (a point 20-80% into the handle time). Draws: the handle time; then, for
   * a first owner only, the outcome and, for a transfer, a conference or the
   * customer's end, the point.
   *
   * Allocation-free: the same object comes back each call, valid until the
   * next; read it at once.
   */
  turn(role: 'owner' | 'conference', firstOwner: boolean): Readonly<Turn> {
    const t = this.current;
    t.handleMs = this.handle(this.rng);
    t.midMs = -1;
    if (role === 'conference') {
      t.outcome = 'leaveConference';
      return t;
    }
    if (!firstOwner) {
      t.outcome = 'end';
      return t;
    }
    t.outcome = this.drawOutcome();
    if (t.outcome === 'transfer' || t.outcome === 'conference' || t.outcome === 'customerEnds') t.midMs = t.handleMs * (0.2 + 0.6 * this.rng.next());
    return t;
  }

  /** After an agent ended this customer's messaging session: ms until the customer writes again (a new conversation), or -1 when it does not. */
  returnAfterMs(): number {
    if (!(this.spec.returnAfterSessionEnd > 0 && this.rng.chance(this.spec.returnAfterSessionEnd))) return -1;
    return this.handle(this.rng);
  }

  /** When an active conference ends: the invited agent leaves (true), or the first agent hands the chat over to it (false). Even odds. */
  invitedLeaves(): boolean {
    return this.rng.next() < 0.5;
  }

  /** The one draw a transfer or conference target is chosen with (chooseTarget). */
  targetDraw(): number {
    return this.rng.next();
  }

  private drawOutcome(): Outcome {
    const s = this.spec;
    let u = this.rng.next();
    if ((u -= s.transfer) < 0) return 'transfer';
    if ((u -= s.conference) < 0) return 'conference';
    if ((u -= s.customerEnds) < 0) return 'customerEnds';
    if ((u -= s.sessionEnd) < 0) return 'sessionEnd';
    return 'end';
  }
}

/** How long a customer thinks before answering an agent's reply: 20-60% of the gap between the agent's replies. `rng`: the driver's own stream for what only it simulates. */
export function thinkMs(gapMs: number, rng: Rng): number {
  return gapMs * (0.2 + 0.4 * rng.next());
}
