// How far each task of a pool has got, in simulated time, for progress bars
// that move while replications run on worker threads.
//
// Why a SharedArrayBuffer (one Float64 slot per task) rather than a
// MessagePort per task: the worker writes its slot from the runner's
// onProgress (every 8,192 events) and the main thread reads every slot only
// when the bar redraws. No message is built, posted, queued or handled, no
// port is opened, transferred or closed per task, and the main thread needs
// no listener that could fall behind: a read is a few array loads. Progress
// that nobody is drawing costs nothing either, since without a bar the pool
// passes no buffer and the runner gets no onProgress at all.
//
// Atomics has no Float64 operations; a plain aligned 8-byte store is one
// instruction on 64-bit platforms (x64, arm64), so a read never sees half a
// value there. The reader keeps, per task, the most it has seen (capped at
// the task's duration), so what it reports never goes backwards. Nothing
// here feeds the simulation: results stay the same with or without it.

/** Where one task writes the simulated time it has reached: its slot in the pool's shared buffer. */
export interface ProgressSlot {
  buffer: SharedArrayBuffer;
  slot: number;
}

/** The function a run calls with the simulated time it has reached; it writes the task's slot. */
export function progressWriter(at: ProgressSlot): (simulatedMs: number) => void {
  const cell = new Float64Array(at.buffer, at.slot * Float64Array.BYTES_PER_ELEMENT, 1);
  return (simulatedMs) => {
    cell[0] = simulatedMs;
  };
}

/**
 * The main thread's view of every task's progress. Each task counts up to
 * its scenario's duration (arrivals end there; the drain after it is not
 * counted), and counts in full once it has finished.
 */
export class TaskProgress {
  readonly buffer: SharedArrayBuffer;
  /** Simulated time over all tasks, in ms: the sum of their durations. */
  readonly totalMs: number;
  private readonly slots: Float64Array;
  private readonly durations: Float64Array;
  private readonly seen: Float64Array;
  private readonly finished: Uint8Array;
  private finishedCount = 0;

  constructor(durationsMs: readonly number[]) {
    this.buffer = new SharedArrayBuffer(durationsMs.length * Float64Array.BYTES_PER_ELEMENT);
    this.slots = new Float64Array(this.buffer);
    this.durations = Float64Array.from(durationsMs);
    this.seen = new Float64Array(durationsMs.length);
    this.finished = new Uint8Array(durationsMs.length);
    this.totalMs = durationsMs.reduce((a, b) => a + b, 0);
  }

  get tasks(): number {
    return this.durations.length;
  }

  /** Tasks finished so far. */
  get done(): number {
    return this.finishedCount;
  }

  slotOf(task: number): ProgressSlot {
    return { buffer: this.buffer, slot: task };
  }

  /** Simulated ms task `task` has reached, at most its duration; never less than an earlier read. */
  taskMs(task: number): number {
    const now = Math.min(this.durations[task]!, this.slots[task]!);
    if (now > this.seen[task]!) this.seen[task] = now;
    return this.seen[task]!;
  }

  /** Simulated ms reached over all tasks, at most totalMs. */
  reachedMs(): number {
    let sum = 0;
    for (let i = 0; i < this.durations.length; i++) sum += this.taskMs(i);
    return sum;
  }

  /** Every task has reached the end of its arrivals and some are still draining. */
  draining(): boolean {
    return this.finishedCount < this.tasks && this.reachedMs() >= this.totalMs;
  }

  /**
   * A finished task counts in full (its last report may have come up to
   * 65,535 events before the end). The slot is not lowered if the drain
   * took it past the duration: what is written never goes backwards.
   */
  markDone(task: number): void {
    if (this.finished[task]) return;
    this.finished[task] = 1;
    this.finishedCount++;
    this.slots[task] = Math.max(this.slots[task]!, this.durations[task]!);
  }
}
