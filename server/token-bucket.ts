// Per-connection rate limit: a token bucket (burst, then a steady rate), and
// a count of refusals per second that tells a persistent flood from a burst.

export interface RateLimit {
  /** Frames per second a connection may keep up. */
  perSecond: number;
  /** Frames it may send at once after being quiet. */
  burst: number;
  /** Refused frames within one second after which the connection is closed. */
  closeAfterRefused: number;
}

export class TokenBucket {
  private tokens: number;
  private lastMs: number;
  private windowStartMs: number;
  private refusedInWindow = 0;

  constructor(private readonly limit: RateLimit, nowMs: number) {
    this.tokens = limit.burst;
    this.lastMs = nowMs;
    this.windowStartMs = nowMs;
  }

  /** 'ok': go ahead; 'refuse': answer E_RATE_LIMITED; 'close': the flood persists, close the connection. */
  take(nowMs: number): 'ok' | 'refuse' | 'close' {
    const elapsedMs = nowMs - this.lastMs;
    if (elapsedMs > 0) {
      this.tokens = Math.min(this.limit.burst, this.tokens + (elapsedMs * this.limit.perSecond) / 1000);
      this.lastMs = nowMs;
    }
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 'ok';
    }
    if (nowMs - this.windowStartMs >= 1000) {
      this.windowStartMs = nowMs;
      this.refusedInWindow = 0;
    }
    this.refusedInWindow++;
    return this.refusedInWindow > this.limit.closeAfterRefused ? 'close' : 'refuse';
  }
}
