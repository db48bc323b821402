// Memory of a very large day: scenarios/large.yaml scaled up (by default 10x:
// 50,000 agents, about 10 million conversations in 24 h), run once in this
// process the way a one-thread `cctwin run` runs it (the run, then its report),
// probing the heap and the resident set along the run. The aim is a peak
// resident set under 1 GiB and a live heap that stays flat as conversations
// finish: what a run keeps must scale with the center (agents, conversations
// in progress), never with the work already done.
//
// It takes minutes, so it is not part of the test suite (the cheap check that
// memory stays flat is microbench/sim and the runner's tests).
//
// Run: npx tsc -p tsconfig.json && node --expose-gc dist/bench/memory/main.js [--scale 10] [--hours 24] [--probes 24]
// With --expose-gc each probe reads the live heap after a full collection;
// without it the heap figure includes garbage not yet collected.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { Scenario } from '../../scenarios/scenario.js';
import { loadScenario } from '../../scenarios/load.js';
import { runScenario } from '../../sim/runner/virtual-runner.js';
import { toReplicationResult } from '../../reports/replication.js';
import { buildMergedReport } from '../../reports/merged-report.js';

/** large.yaml with every agent count and arrival rate multiplied by `scale`. */
export function scaledLarge(scale: number, hours: number): Scenario {
  const here = dirname(fileURLToPath(import.meta.url));
  const s = loadScenario(join(here, '../../../scenarios/large.yaml'), [`duration=${hours}h`]);
  return {
    ...s,
    name: `large x${scale}`,
    agents: s.agents.map((g) => ({ ...g, count: g.count * scale, staffing: g.staffing.map((p) => ({ ...p, count: p.count * scale })) })),
    customers: s.customers.map((c) => ({ ...c, arrivals: c.arrivals.map((p) => ({ ...p, perSecond: p.perSecond * scale })) })),
  };
}

const MiB = 2 ** 20;

/** The process's peak resident set so far (VmHWM), in bytes. */
function peakRss(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) * 1024 : process.memoryUsage().rss;
}

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const scale = arg('scale', 10);
  const hours = arg('hours', 24);
  const probes = arg('probes', 24);
  const s = scaledLarge(scale, hours);
  const agents = s.agents.reduce((n, g) => n + g.count, 0);
  const gc = (globalThis as { gc?: () => void }).gc;
  console.log(`memory: ${s.name}, ${agents.toLocaleString('en-US')} agents, ${hours} h, node ${process.version}${gc ? ', live heap after a full GC' : ' (run with --expose-gc for the live heap)'}`);
  console.log('  sim time   events      finished    heap MiB   rss MiB');
  const stepMs = s.durationMs / probes;
  let nextProbe = stepMs;
  const t0 = performance.now();
  const outcome = runScenario(s, {
    onProgress: (simMs, events, recorder) => {
      if (simMs < nextProbe) return;
      nextProbe += stepMs;
      gc?.();
      const m = process.memoryUsage();
      // Conversations that reached an end state so far (the recorder's counts).
      const c = recorder!.counts;
      const finished = c.abandoned + c.droppedOnTransfer + c.completed + c.interrupted;
      console.log(`  ${(simMs / 3600_000).toFixed(1).padStart(6)} h ${events.toLocaleString('en-US').padStart(12)} ${finished.toLocaleString('en-US').padStart(12)} ${(m.heapUsed / MiB).toFixed(0).padStart(10)} ${(m.rss / MiB).toFixed(0).padStart(9)}`);
    },
  });
  const runSeconds = (performance.now() - t0) / 1000;
  const result = toReplicationResult(0, outcome.seed, outcome.recorder, {
    occupancy: outcome.occupancy, agents: outcome.agents, simulatedMs: outcome.simulatedMs, events: outcome.events, wallMs: outcome.wallMs,
    intervals: outcome.intervals, timeSeries: outcome.timeSeries,
  });
  const report = buildMergedReport([result], {
    scenario: s.name, seed: outcome.seed, serviceLevelThresholdMs: s.serviceLevelThresholdMs, warmupMs: s.warmupMs, wallMs: outcome.wallMs,
  });
  gc?.();
  const end = process.memoryUsage();
  console.log(`  arrived ${report.conversations.arrived.toLocaleString('en-US')}, completed ${report.conversations.completed.toLocaleString('en-US')}, abandoned ${report.conversations.abandoned.toLocaleString('en-US')}, balanced ${report.accounting.balanced}`);
  console.log(`  ${outcome.events.toLocaleString('en-US')} events in ${runSeconds.toFixed(1)} s = ${(outcome.events / runSeconds / 1e6).toFixed(2)} M events/s`);
  console.log(`  after the report: heap ${(end.heapUsed / MiB).toFixed(0)} MiB, rss ${(end.rss / MiB).toFixed(0)} MiB`);
  const peak = peakRss();
  console.log(`  peak RSS ${(peak / MiB).toFixed(0)} MiB: ${peak < 1024 * MiB ? 'under' : 'OVER'} 1 GiB`);
}
