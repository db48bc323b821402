// How a simulated agent of one group behaves: how long it takes to accept,
// whether it lets an offer ring out (RONA), how long until it makes itself
// available again after RONA, and how long its wrap-up takes.
import type { AgentGroupSpec } from '../../scenarios/scenario.js';
import type { Rng } from '../random/prng.js';
import { createSampler, type Sampler } from '../random/sample.js';

export class AgentModel {
  private readonly acceptDelay: Sampler;
  private readonly ronaRecovery: Sampler;
  private readonly wrapUp: Sampler;

  constructor(readonly spec: AgentGroupSpec, private readonly rng: Rng) {
    this.acceptDelay = createSampler(spec.acceptDelay);
    this.ronaRecovery = createSampler(spec.ronaRecovery);
    this.wrapUp = createSampler(spec.wrapUp);
  }

  /** ms until the agent clicks Accept, or -1 when it lets the offer time out. */
  acceptAfterMs(): number {
    if (this.spec.noAnswer > 0 && this.rng.chance(this.spec.noAnswer)) return -1;
    return this.acceptDelay(this.rng);
  }

  /** ms to notice something on the desktop and react (reuses the accept delay). */
  reactAfterMs(): number {
    return this.acceptDelay(this.rng);
  }

  ronaRecoveryMs(): number {
    return this.ronaRecovery(this.rng);
  }

  wrapUpMs(): number {
    return this.wrapUp(this.rng);
  }
}
