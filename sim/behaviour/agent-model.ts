// How a simulated agent of one group behaves, in both drivers (the virtual
// runner and the load clients): how long it takes to accept, whether it lets
// an offer ring out (RONA), how long until it makes itself available again
// after RONA, how fast it reacts to a customer ending or an interruption, how
// long its wrap-up takes, and (load clients, which write) when it replies.
// Pure: draws come from the seeded stream passed in, times are in the
// scenario's ms (a load run hands in its sped-up scenario).
import type { AgentGroupSpec } from '../../scenarios/scenario.js';
import type { Rng } from '../random/prng.js';
import { createSampler, type Sampler } from '../random/sample.js';

export class AgentModel {
  private readonly acceptDelay: Sampler;
  private readonly ronaRecovery: Sampler;
  private readonly wrapUp: Sampler;

  /** `rng`: the group's stream, `deriveSeed(seed, 'agents', group)`. */
  constructor(readonly spec: AgentGroupSpec, private readonly rng: Rng) {
    this.acceptDelay = createSampler(spec.acceptDelay);
    this.ronaRecovery = createSampler(spec.ronaRecovery);
    this.wrapUp = createSampler(spec.wrapUp);
  }

  /** ms until the agent clicks Accept, or -1 when it lets the offer time out (RONA). */
  acceptAfterMs(): number {
    if (this.spec.noAnswer > 0 && this.rng.chance(this.spec.noAnswer)) return -1;
    return this.acceptDelay(this.rng);
  }

  /** ms to notice something on the desktop (the customer ended, the chat was interrupted) and react: the accept delay's distribution. */
  reactAfterMs(): number {
    return this.acceptDelay(this.rng);
  }

  /** ms in RONA before the agent sets itself available again. */
  ronaRecoveryMs(): number {
    return this.ronaRecovery(this.rng);
  }

  wrapUpMs(): number {
    return this.wrapUp(this.rng);
  }
}

/** How an owner writes to the customer (load clients, which send text): `count` replies, `gapMs` apart, the first `gapMs` after taking it, the last `gapMs` before the handle time ends. */
export interface ReplyPlan {
  count: number;
  gapMs: number;
}

/** 1 to `maxReplies` replies, evenly spread over the handle time. `rng`: the driver's own stream for what only it simulates. */
export function replyPlan(handleMs: number, maxReplies: number, rng: Rng): ReplyPlan {
  const count = 1 + rng.int(maxReplies);
  return { count, gapMs: handleMs / (count + 1) };
}
