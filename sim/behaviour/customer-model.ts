// One customer stream, in both drivers (the virtual runner and the load
// clients): how patient its customers are, and what their conversations turn
// into once an agent has them (handle time, transfers, conferences, Livechat
// customers ending, session ends, returns). Pure: draws come from the seeded
// stream passed in, times are in the scenario's ms (a load run hands in its
// sped-up scenario).
import type { CustomerStreamSpec } from '../../scenarios/scenario.js';
import type { Rng } from '../random/prng.js';
import { createSampler, type Sampler } from '../random/sample.js';

export type Outcome = 'end' | 'transfer' | 'conference' | 'customerEnds' | 'sessionEnd';

export class CustomerModel {
  private readonly patience: Sampler | null;
  private readonly handle: Sampler;
  private served = 0;

  constructor(readonly spec: CustomerStreamSpec, readonly index: number, readonly assetId: string, private readonly rng: Rng) {
    this.patience = spec.patience === null ? null : createSampler(spec.patience);
    this.handle = createSampler(spec.handleTime);
  }

  nextCustomerId(): string {
    return `s${this.index}-${++this.served}`;
  }

  /** ms a customer waits before giving up, or -1 if it never does. */
  patienceMs(): number {
    return this.patience === null ? -1 : this.patience(this.rng);
  }

  handleMs(): number {
    return this.handle(this.rng);
  }

  /** Where a first-answered conversation goes; later owners just end it. */
  outcome(): Outcome {
    const s = this.spec;
    let u = this.rng.next();
    if ((u -= s.transfer) < 0) return 'transfer';
    if ((u -= s.conference) < 0) return 'conference';
    if ((u -= s.customerEnds) < 0) return 'customerEnds';
    if ((u -= s.sessionEnd) < 0) return 'sessionEnd';
    return 'end';
  }

  /** A point inside the handle time where a mid-conversation event happens. */
  fraction(): number {
    return 0.2 + 0.6 * this.rng.next();
  }

  returnsAfterSessionEnd(): boolean {
    return this.spec.returnAfterSessionEnd > 0 && this.rng.chance(this.spec.returnAfterSessionEnd);
  }

  proactive(): boolean {
    return this.spec.proactive > 0 && this.rng.chance(this.spec.proactive);
  }

  coin(): boolean {
    return this.rng.next() < 0.5;
  }
}
