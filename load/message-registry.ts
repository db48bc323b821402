// Chat messages on their way: id -> when the message was due and when it was
// sent. The receiving side takes the entry by the id in the text and times
// the delivery; the first receipt counts (a conference's second agent sees
// the same message later and is not timed).
import type { LoadMeasure } from './load-histograms.js';

interface InFlight {
  measure: LoadMeasure;
  scheduledMs: number;
  sentMs: number;
}

export class MessageRegistry {
  private nextId = 0;
  private readonly inFlight = new Map<number, InFlight>();
  delivered: Record<'customerToAgent' | 'agentToCustomer', number> = { customerToAgent: 0, agentToCustomer: 0 };

  register(measure: 'customerToAgent' | 'agentToCustomer', scheduledMs: number, sentMs: number): number {
    const id = this.nextId++;
    this.inFlight.set(id, { measure, scheduledMs, sentMs });
    return id;
  }

  /** The entry for a received id (removed), or undefined when unknown or already taken. */
  take(id: number, measure: 'customerToAgent' | 'agentToCustomer'): InFlight | undefined {
    const m = this.inFlight.get(id);
    if (m === undefined || m.measure !== measure) return undefined;
    this.inFlight.delete(id);
    this.delivered[measure]++;
    return m;
  }

  forget(id: number): void {
    this.inFlight.delete(id);
  }

  /** Drops messages sent before `beforeMs` that never arrived (their conversation ended first); returns how many. */
  purge(beforeMs: number): number {
    let n = 0;
    for (const [id, m] of this.inFlight) {
      if (m.sentMs >= beforeMs) break; // insertion order is send order
      this.inFlight.delete(id);
      n++;
    }
    return n;
  }

  get size(): number {
    return this.inFlight.size;
  }
}
