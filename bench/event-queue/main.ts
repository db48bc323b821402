// The event queue at the sizes large scenarios reach: the binary heap
// (sim/clock/event-queue.ts) against the calendar queue beside this file and
// the ladder queue (sim/clock/ladder-queue.ts, the runner's queue since these
// figures; same API, same pop order), in
// the classic hold model (the queue holds N pending events; each hold pops the
// earliest and pushes one at now + a random delay), at N = 10^3 .. 10^6 and at
// the most scenarios/large.yaml keeps pending (26,432, measured by
// pending-in-run.ts: 5,000 agents, ~1M conversations a day).
//
// Delays, drawn up front into a table so the draws cost the same for both:
//   exp      exp(1 s), the textbook hold model
//   bimodal  90% exp(2 s), 10% exp(10 min): a contact center's mix of short
//            timers (offers, messages) and long ones (handle ends, patience)
// Each case runs every queue `runs` times, in rotating order, each run a fresh
// queue filled then held; prints the median M holds/s (one hold = a pop and a
// push), the ratios to the heap, and whether all popped the very same
// (time, sequence) order.
// Run: npx tsc -p tsconfig.json && node dist/bench/event-queue/main.js [--runs 5] [--holds 2000000]
//
// Figures (2 cores shared with other sessions, load average 3.5-3.7; median
// of 5 runs of 2,000,000 holds, M holds/s; all three popped the same order):
//
//   delays   pending                     heap  calendar       ladder
//   exp      1,000                       7.90  16.49  2.09x   16.29  2.06x
//   exp      10,000                      5.34  14.95  2.80x   14.19  2.65x
//   exp      26,432 (large.yaml peak)    3.73  10.01  2.68x    8.89  2.38x
//   exp      100,000                     2.69   4.97  1.85x    7.31  2.71x
//   exp      1,000,000                   1.15   1.11  0.97x    1.29  1.13x
//   bimodal  1,000                       9.57  14.81  1.55x   12.92  1.35x
//   bimodal  10,000                      6.83   9.49  1.39x   14.10  2.06x
//   bimodal  26,432 (large.yaml peak)    6.80  11.50  1.69x   14.05  2.07x
//   bimodal  100,000                     4.79   8.06  1.68x    9.61  2.01x
//   bimodal  1,000,000                   1.75   1.57  0.90x    2.45  1.40x
//
// The ladder queue is the one to take (and was taken: sim/runner's queue): 2.1-2.4x the heap at large.yaml's
// size, never below the heap, and steady when delays mix seconds and
// minutes; the calendar queue loses to the heap at 10^6 pending. Both keep
// the heap's API and its (time, push order) order, checked by
// queues.test.ts. In a run the queue is a small part of the cost (4% of an
// M/M/c run's profile, about 130 events pending): at large.yaml's 6.3 M
// pushes and 26k pending, the hold figures put the heap at ~1.7 s of a
// replication (of 15-30 s) and the ladder at ~0.7 s.
import { loadavg } from 'node:os';
import { EventQueue } from '../../sim/clock/event-queue.js';
import { createRng } from '../../sim/random/prng.js';
import { CalendarQueue } from './calendar-queue.js';
import { LadderQueue } from '../../sim/clock/ladder-queue.js';

export const LARGE_PEAK_PENDING = 26_432;
export const SIZES = [1_000, 10_000, LARGE_PEAK_PENDING, 100_000, 1_000_000];
const TABLE = 1 << 20;

export type DelayKind = 'exp' | 'bimodal';

export function delayTable(kind: DelayKind, seed: number): Float64Array {
  const rng = createRng(seed);
  const t = new Float64Array(TABLE);
  for (let i = 0; i < TABLE; i++) {
    const u = -Math.log1p(-rng.next());
    t[i] = kind === 'exp' ? u * 1000 : rng.next() < 0.9 ? u * 2000 : u * 600_000;
  }
  return t;
}

export interface HoldRun {
  holdsPerSecond: number;
  /** Sum over pops of time x (1 + seq mod 7): equal sums for equal pop orders (not a proof, a tripwire). */
  checksum: number;
}

// Two copies of one loop, so each call site sees one class (a shared loop would go polymorphic and slow both).
export function holdHeap(pending: number, holds: number, delays: Float64Array): HoldRun {
  const q = new EventQueue<number>();
  for (let i = 0; i < pending; i++) q.push(delays[i & (TABLE - 1)]!, i & 7, i);
  let checksum = 0;
  let d = pending;
  const start = process.hrtime.bigint();
  for (let i = 0; i < holds; i++) {
    q.pop();
    checksum += q.lastTime * (1 + (q.lastSeq % 7));
    q.push(q.lastTime + delays[d++ & (TABLE - 1)]!, q.lastKind, q.lastRef);
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { holdsPerSecond: holds / seconds, checksum };
}

export function holdCalendar(pending: number, holds: number, delays: Float64Array): HoldRun {
  const q = new CalendarQueue<number>();
  for (let i = 0; i < pending; i++) q.push(delays[i & (TABLE - 1)]!, i & 7, i);
  let checksum = 0;
  let d = pending;
  const start = process.hrtime.bigint();
  for (let i = 0; i < holds; i++) {
    q.pop();
    checksum += q.lastTime * (1 + (q.lastSeq % 7));
    q.push(q.lastTime + delays[d++ & (TABLE - 1)]!, q.lastKind, q.lastRef);
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { holdsPerSecond: holds / seconds, checksum };
}

export function holdLadder(pending: number, holds: number, delays: Float64Array): HoldRun {
  const q = new LadderQueue<number>();
  for (let i = 0; i < pending; i++) q.push(delays[i & (TABLE - 1)]!, i & 7, i);
  let checksum = 0;
  let d = pending;
  const start = process.hrtime.bigint();
  for (let i = 0; i < holds; i++) {
    q.pop();
    checksum += q.lastTime * (1 + (q.lastSeq % 7));
    q.push(q.lastTime + delays[d++ & (TABLE - 1)]!, q.lastKind, q.lastRef);
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { holdsPerSecond: holds / seconds, checksum };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export const QUEUES = ['heap', 'calendar', 'ladder'] as const;
export type QueueName = (typeof QUEUES)[number];
const HOLD: Record<QueueName, (pending: number, holds: number, delays: Float64Array) => HoldRun> = { heap: holdHeap, calendar: holdCalendar, ladder: holdLadder };

export interface CaseResult {
  delays: DelayKind;
  pending: number;
  holds: number;
  /** Holds per second of each run, per queue. */
  runs: Record<QueueName, number[]>;
  sameOrder: boolean;
}

export function runCase(kind: DelayKind, pending: number, holds: number, runs: number): CaseResult {
  const delays = delayTable(kind, 7);
  const out: Record<QueueName, number[]> = { heap: [], calendar: [], ladder: [] };
  let sameOrder = true;
  for (let r = 0; r < runs; r++) {
    // Rotate which goes first, so none always runs on a freshly collected heap.
    const sums = new Set<number>();
    for (let k = 0; k < QUEUES.length; k++) {
      const name = QUEUES[(r + k) % QUEUES.length]!;
      const run = HOLD[name](pending, holds, delays);
      out[name].push(run.holdsPerSecond);
      sums.add(run.checksum);
    }
    if (sums.size !== 1) sameOrder = false;
  }
  return { delays: kind, pending, holds, runs: out, sameOrder };
}

export function formatCase(c: CaseResult): string {
  const m = (q: QueueName) => median(c.runs[q]) / 1e6;
  const label = c.pending === LARGE_PEAK_PENDING ? `${c.pending.toLocaleString('en-US')} (large.yaml peak)` : c.pending.toLocaleString('en-US');
  const spread = QUEUES.map((q) => `${q} ${c.runs[q].map((x) => (x / 1e6).toFixed(2)).join('/')}`).join(', ');
  return `  ${c.delays.padEnd(8)} ${label.padStart(26)}  ${m('heap').toFixed(2).padStart(6)}  ${m('calendar').toFixed(2).padStart(8)} ${(m('calendar') / m('heap')).toFixed(2).padStart(5)}x`
    + `  ${m('ladder').toFixed(2).padStart(6)} ${(m('ladder') / m('heap')).toFixed(2).padStart(5)}x  ${c.sameOrder ? 'same' : 'DIFFERENT'}   (${spread})`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string, dflt: number) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : dflt;
  };
  const runs = arg('runs', 5);
  const holds = arg('holds', 2_000_000);
  console.log(`event queue, hold model (pop + push at now + delay), ${holds.toLocaleString('en-US')} holds a run, median of ${runs} runs, M holds/s`);
  console.log(`  load average at start: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  console.log(`  ${'delays'.padEnd(8)} ${'pending'.padStart(26)}  ${'heap'.padStart(6)}  ${'calendar'.padStart(8)} ${'/heap'.padStart(6)}  ${'ladder'.padStart(6)} ${'/heap'.padStart(6)}  order`);
  for (const kind of ['exp', 'bimodal'] as const) {
    for (const pending of SIZES) console.log(formatCase(runCase(kind, pending, Math.max(holds, pending * 3), runs)));
  }
  console.log(`  load average at end: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
}
