// How many events a scenario's run keeps pending: wraps LadderQueue.prototype.pushAt
// (the runner's queue is sim/clock's ladder queue; push goes through pushAt)
// to sample the queue's size, without touching the runner. Prints the size over simulated time
// (every hour), its maximum, and pushes per event.
// Run: npx tsc -p tsconfig.json && node dist/bench/event-queue/pending-in-run.js [scenario] [--set duration=2h]
import { loadScenario } from '../../scenarios/load.js';
import { LadderQueue } from '../../sim/clock/ladder-queue.js';
import { runScenario } from '../../sim/runner/virtual-runner.js';

export interface PendingProfile {
  scenario: string;
  events: number;
  pushes: number;
  maxPending: number;
  /** Pending events at each whole simulated hour (at the first push once the run has reached it). */
  hourly: number[];
}

/** Runs the scenario once with the queue's push wrapped, restoring it after. */
export function measurePending(file: string, set: readonly string[] = [], seed?: number): PendingProfile {
  const scenario = loadScenario(file, set);
  const proto = LadderQueue.prototype as unknown as { pushAt: (cell: Float64Array, k: number, r: unknown) => number };
  const original = proto.pushAt;
  let pushes = 0;
  let maxPending = 0;
  const hourly: number[] = [];
  proto.pushAt = function (this: { size: number; lastTime: number }, cell: Float64Array, k: number, r: unknown): number {
    pushes++;
    const n = this.size + 1;
    if (n > maxPending) maxPending = n;
    // The simulated time now is the time of the event last popped.
    while (hourly.length * 3_600_000 <= this.lastTime) hourly.push(n);
    return original.call(this, cell, k, r);
  };
  try {
    const outcome = runScenario(scenario, seed === undefined ? {} : { seed });
    return { scenario: scenario.name, events: outcome.events, pushes, maxPending, hourly };
  } finally {
    proto.pushAt = original;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--') && !args[args.indexOf(a) - 1]?.startsWith('--set')) ?? 'scenarios/large.yaml';
  const set = args.flatMap((a, i) => (args[i - 1] === '--set' ? [a] : []));
  const p = measurePending(file, set);
  console.log(`${p.scenario}: ${p.events.toLocaleString('en-US')} events, ${p.pushes.toLocaleString('en-US')} pushes; pending at most ${p.maxPending.toLocaleString('en-US')}`);
  console.log(`  pending by simulated hour: ${p.hourly.map((n) => n.toLocaleString('en-US')).join(' ')}`);
}
