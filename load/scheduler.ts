// The load generator's one timer: every planned action (an arrival, an
// agent's accept, a customer's answer) is a task due at a wall-clock moment.
// Open model: a task runs as soon as it can once due, and is handed the
// moment it was DUE, so whoever measures a latency can count from the
// schedule, not from when a busy generator got round to it (coordinated
// omission, wrk2-style). A late task never moves the tasks after it.
//
// The clock and the timer are passed in, so tests drive it by hand.
import { EventQueue } from '../sim/clock/event-queue.js';

export type Clock = () => number;

/** How the scheduler waits: a real host wraps setTimeout/setImmediate; a test host records the request. */
export interface TimerHost {
  set(fn: () => void, delayMs: number): unknown;
  clear(handle: unknown): void;
}

export const REAL_TIMERS: TimerHost = {
  set: (fn, delayMs) => (delayMs <= 0 ? { immediate: setImmediate(fn) } : { timeout: setTimeout(fn, delayMs) }),
  clear: (handle) => {
    const h = handle as { immediate?: NodeJS.Immediate; timeout?: NodeJS.Timeout };
    if (h.immediate !== undefined) clearImmediate(h.immediate);
    if (h.timeout !== undefined) clearTimeout(h.timeout);
  },
};

export interface Task {
  readonly dueMs: number;
  cancelled: boolean;
}

interface Entry extends Task {
  run: (dueMs: number) => void;
}

export class Scheduler {
  private readonly queue = new EventQueue<Entry>(4096);
  private handle: unknown = null;
  private armedForMs = Infinity;
  private stopped = false;
  private firing = false;
  /** How late tasks ran, in ms: the worst, and how many ran more than 1 ms late. */
  maxLagMs = 0;
  lateTasks = 0;
  ran = 0;

  /**
   * @param clock wall clock in ms (performance.now in real runs)
   * @param sliceMs the longest stretch of due tasks run at once before yielding to socket I/O
   */
  constructor(private readonly clock: Clock, private readonly timers: TimerHost = REAL_TIMERS, private readonly sliceMs = 10) {}

  now(): number {
    return this.clock();
  }

  get pending(): number {
    return this.queue.size;
  }

  /** Runs `run(dueMs)` at `dueMs` (at once if that has passed). Cancel with `task.cancelled = true`. */
  at(dueMs: number, run: (dueMs: number) => void): Task {
    const entry: Entry = { dueMs, cancelled: false, run };
    if (this.stopped) {
      entry.cancelled = true;
      return entry;
    }
    this.queue.push(dueMs, 0, entry);
    // While firing, the loop itself runs or re-arms for what is pushed.
    if (!this.firing && dueMs < this.armedForMs) this.arm(dueMs);
    return entry;
  }

  /** `after` ms from now. */
  after(delayMs: number, run: (dueMs: number) => void): Task {
    return this.at(this.clock() + delayMs, run);
  }

  /** Drops every pending task and refuses new ones. */
  stop(): void {
    this.stopped = true;
    if (this.handle !== null) this.timers.clear(this.handle);
    this.handle = null;
    this.armedForMs = Infinity;
    this.queue.clear();
  }

  private arm(dueMs: number): void {
    if (this.handle !== null) this.timers.clear(this.handle);
    this.armedForMs = dueMs;
    this.handle = this.timers.set(() => this.fire(), Math.max(0, Math.ceil(dueMs - this.clock())));
  }

  /** Runs what is due, oldest first; yields after `sliceMs` and comes straight back. */
  private fire(): void {
    this.handle = null;
    this.armedForMs = Infinity;
    const sliceEnd = this.clock() + this.sliceMs;
    const q = this.queue;
    this.firing = true;
    try {
      while (!this.stopped && q.size > 0) {
        const now = this.clock();
        if (q.peekTime() > now || now > sliceEnd) break;
        q.pop();
        const entry = q.lastRef;
        if (entry.cancelled) continue;
        const lag = now - entry.dueMs;
        if (lag > this.maxLagMs) this.maxLagMs = lag;
        if (lag > 1) this.lateTasks++;
        this.ran++;
        entry.run(entry.dueMs);
      }
    } finally {
      this.firing = false;
    }
    if (!this.stopped && q.size > 0) this.arm(q.peekTime());
  }
}
