// Simulator throughput: simulated events per wall-clock second on a large
// center (1,000 agents, ~1M conversations), median of several runs, and heap
// in use along the run to show memory does not grow with finished work.
// Run: npx tsc -p tsconfig.json && node dist/microbench/sim/main.js [--conversations N] [--runs R]
// With node --expose-gc the heap is probed after a full collection (live
// data only); without it the figure includes garbage not yet collected.
import { runScenario } from '../../sim/runner/virtual-runner.js';
import { largeCenter } from './large-center.js';

export interface SimBenchResult {
  conversations: number;
  agents: number;
  runs: { events: number; wallSeconds: number; eventsPerSecond: number }[];
  medianEventsPerSecond: number;
  heapMiB: { atQuarter: number; atHalf: number; atEnd: number };
  /** The heap was probed after a full collection (node --expose-gc). */
  liveHeap: boolean;
}

export function runSimBench(conversations = 1_000_000, runs = 3): SimBenchResult {
  const s = largeCenter(conversations);
  const results: SimBenchResult['runs'] = [];
  const heap: number[] = [];
  for (let i = 0; i < runs; i++) {
    const probes: { at: number; heap: number }[] = [];
    const gc = (globalThis as { gc?: () => void }).gc;
    const outcome = runScenario(s, {
      onProgress: i === 0 ? (simMs, events) => {
        // A full GC per probe: one probe in 65,536 events is plenty.
        if ((events & 0xffff) !== 0) return;
        gc?.();
        probes.push({ at: simMs / s.durationMs, heap: process.memoryUsage().heapUsed });
      } : undefined,
    });
    if (i === 0) {
      for (const target of [0.25, 0.5, 1]) {
        const p = probes.find((x) => x.at >= target) ?? probes[probes.length - 1];
        heap.push(p ? p.heap / 2 ** 20 : 0);
      }
    }
    const wallSeconds = outcome.wallMs / 1000;
    results.push({ events: outcome.events, wallSeconds, eventsPerSecond: outcome.events / wallSeconds });
  }
  const sorted = results.map((r) => r.eventsPerSecond).sort((a, b) => a - b);
  return {
    conversations, agents: s.agents.reduce((n, g) => n + g.count, 0), runs: results,
    medianEventsPerSecond: sorted[Math.floor(sorted.length / 2)]!,
    heapMiB: { atQuarter: heap[0]!, atHalf: heap[1]!, atEnd: heap[2]! },
    liveHeap: typeof (globalThis as { gc?: unknown }).gc === 'function',
  };
}

export function printSimBench(r: SimBenchResult): string {
  const lines = [
    `sim: ${r.agents} agents, ~${r.conversations.toLocaleString('en-US')} conversations, ${r.runs.length} runs`,
    ...r.runs.map((x, i) => `  run ${i + 1}: ${x.events.toLocaleString('en-US')} events in ${x.wallSeconds.toFixed(2)} s = ${(x.eventsPerSecond / 1e6).toFixed(2)} M events/s`),
    `  median: ${(r.medianEventsPerSecond / 1e6).toFixed(2)} M simulated events/s (one core)`,
    `  heap in use at 25% / 50% / 100% of the run${r.liveHeap ? ' (live, after a full GC)' : ''}: ${r.heapMiB.atQuarter.toFixed(0)} / ${r.heapMiB.atHalf.toFixed(0)} / ${r.heapMiB.atEnd.toFixed(0)} MiB`,
  ];
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string, dflt: number) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : dflt;
  };
  console.log(printSimBench(runSimBench(arg('conversations', 1_000_000), arg('runs', 3))));
}
