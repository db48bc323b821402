// Simulated time: it only moves forward, and only by stepping to the next
// scheduled event. Code that reads the time takes a Clock, so the same core
// runs on this clock in `cctwin run` and on the wall clock in `cctwin serve`.
import { EventQueue } from './event-queue.js';

export interface Clock {
  nowMs(): number;
}

export class VirtualClock<R = unknown> implements Clock {
  readonly queue: EventQueue<R>;
  private currentMs: number;

  /** The event the last successful step() delivered. */
  eventKind = 0;
  eventRef: R = undefined as R;
  eventSeq = -1;

  constructor(startMs = 0, initialCapacity = 1024) {
    this.currentMs = startMs;
    this.queue = new EventQueue<R>(initialCapacity);
  }

  nowMs(): number {
    return this.currentMs;
  }

  /** Schedules at an absolute time, not before now; returns the event's sequence number. */
  at(timeMs: number, kind: number, ref: R): number {
    if (!(timeMs >= this.currentMs)) {
      throw new RangeError(`cannot schedule at ${timeMs} ms: the clock is at ${this.currentMs} ms`);
    }
    return this.queue.push(timeMs, kind, ref);
  }

  /** Schedules `delayMs` (>= 0) from now. */
  after(delayMs: number, kind: number, ref: R): number {
    return this.at(this.currentMs + delayMs, kind, ref);
  }

  /**
   * Moves to the next event if it is due no later than `limitMs` and exposes
   * it in eventKind/eventRef/eventSeq; false (and no move) otherwise.
   */
  step(limitMs = Infinity): boolean {
    const q = this.queue;
    if (q.size === 0 || !(q.peekTime() <= limitMs)) return false;
    q.pop();
    this.currentMs = q.lastTime;
    this.eventKind = q.lastKind;
    this.eventRef = q.lastRef;
    this.eventSeq = q.lastSeq;
    return true;
  }

  /** Moves time forward with no event, e.g. to the end of a run. */
  advanceTo(timeMs: number): void {
    if (!(timeMs >= this.currentMs)) throw new RangeError(`the clock cannot go back to ${timeMs} ms from ${this.currentMs} ms`);
    if (timeMs > this.queue.peekTime()) throw new RangeError(`advancing to ${timeMs} ms would skip a pending event`);
    this.currentMs = timeMs;
  }
}
