// Occupancy from the client side: slots held (an agent's `conversation`
// frame to its acknowledged wrap-up, or to an acknowledged session end when
// the tenant frees capacity then) integrated over the measured window, over
// the slots staffed in it.
export class SlotMeter {
  private held = 0;
  private lastMs: number;
  private area = 0;

  constructor(private readonly fromMs: number, private readonly toMs: number) {
    this.lastMs = fromMs;
  }

  change(nowMs: number, delta: number): void {
    this.advance(nowMs);
    this.held += delta;
  }

  /** Held slot-time over staffed slot-time between fromMs and min(toMs, endMs). */
  occupancy(slots: number, endMs: number): number {
    this.advance(endMs);
    const windowMs = Math.min(this.toMs, endMs) - this.fromMs;
    return slots > 0 && windowMs > 0 ? this.area / (slots * windowMs) : 0;
  }

  private advance(nowMs: number): void {
    // lastMs starts at fromMs, so changes before the window add nothing.
    const until = Math.min(nowMs, this.toMs);
    if (until > this.lastMs) {
      this.area += this.held * (until - this.lastMs);
      this.lastMs = until;
    }
  }
}
