// Event-queue throughput in the classic hold model: the queue holds a steady
// number of pending events; each hold pops the earliest and pushes one at
// now + Exp(mean). Prints the median of 5 runs in million holds per second
// (one hold = one pop + one push). Run: node dist/bench/event-queue.js
import { EventQueue } from '../sim/clock/event-queue.js';
import { createRng } from '../sim/random/prng.js';
import { createSampler } from '../sim/random/sample.js';

interface Case {
  name: string;
  pending: number;
  holds: number;
  objectRefs: boolean;
}

const CASES: Case[] = [
  { name: '10k pending, int refs', pending: 10_000, holds: 5_000_000, objectRefs: false },
  { name: '10k pending, object refs', pending: 10_000, holds: 5_000_000, objectRefs: true },
  { name: '1M pending, int refs', pending: 1_000_000, holds: 3_000_000, objectRefs: false },
];
const RUNS = 5;
const draw = createSampler({ kind: 'exp', mean: 1000 });

function holdRun(c: Case, seed: number): number {
  const rng = createRng(seed);
  const q = new EventQueue<unknown>();
  const payloads = c.objectRefs ? Array.from({ length: c.pending }, (_, i) => ({ id: i })) : null;
  for (let i = 0; i < c.pending; i++) q.push(draw(rng), i & 7, payloads === null ? i : payloads[i]);
  const start = process.hrtime.bigint();
  for (let i = 0; i < c.holds; i++) {
    q.pop();
    q.push(q.lastTime + draw(rng), q.lastKind, q.lastRef);
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return c.holds / seconds / 1e6;
}

/** The same loop without the queue: what the draws alone cost. */
function drawOnlyRun(holds: number, seed: number): number {
  const rng = createRng(seed);
  let sink = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < holds; i++) sink += draw(rng);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (sink < 0) console.log(sink);
  return holds / seconds / 1e6;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

function main(): void {
  console.log(`event queue, hold model (pop + push at now + exp(1000 ms)), median of ${RUNS} runs`);
  for (const c of CASES) {
    const runs = Array.from({ length: RUNS }, (_, k) => holdRun(c, k + 1));
    const m = median(runs);
    console.log(`  ${c.name.padEnd(26)} ${m.toFixed(2).padStart(6)} M holds/s  (${(2 * m).toFixed(2)} M queue ops/s)`);
  }
  const base = median(Array.from({ length: RUNS }, (_, k) => drawOnlyRun(5_000_000, k + 1)));
  console.log(`  ${'exp draw alone'.padEnd(26)} ${base.toFixed(2).padStart(6)} M draws/s`);
}

main();
