// Scale: scenarios/large.yaml (5,000 agents, ~1M conversations in a day) as
// 4 replications on 1 and on 2 worker threads: wall time of each and the
// speed-up, with the machine's load average when it ran (the cores are shared).
// Run: npx tsc -p tsconfig.json && node dist/bench/scale/main.js [--replications 4] [--rounds 1]
import { loadavg } from 'node:os';
import { loadScenario } from '../../scenarios/load.js';
import { runReplications } from '../../sim/parallel/pool.js';

export interface ScaleRow {
  threads: number;
  wallSeconds: number;
  events: number;
  conversations: number;
  loadAverage: number;
}

export async function runScaleBench(replications = 4, rounds = 1, file = 'scenarios/large.yaml'): Promise<ScaleRow[]> {
  const scenario = loadScenario(file);
  const rows: ScaleRow[] = [];
  // Alternate thread counts round by round so both see the same machine.
  for (let round = 0; round < rounds; round++) {
    for (const threads of [1, 2]) {
      const started = performance.now();
      const results = await runReplications(scenario, { replications, threads });
      rows.push({
        threads,
        wallSeconds: (performance.now() - started) / 1000,
        events: results.reduce((n, r) => n + r.events, 0),
        conversations: results.reduce((n, r) => n + r.counts.arrived, 0),
        loadAverage: loadavg()[0]!,
      });
    }
  }
  return rows;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function printScaleBench(rows: readonly ScaleRow[], replications: number): string {
  // Rounds alternate 1 and 2 threads, so each round's ratio compares like with like.
  const ratios: number[] = [];
  for (let i = 0; i + 1 < rows.length; i += 2) ratios.push(rows[i]!.wallSeconds / rows[i + 1]!.wallSeconds);
  return [
    `scale: scenarios/large.yaml, ${replications} replications`,
    ...rows.map((r) => `  ${r.threads} thread${r.threads > 1 ? 's' : ' '}: ${r.wallSeconds.toFixed(1)} s wall, ${(r.events / 1e6).toFixed(1)} M events, ${(r.conversations / 1e6).toFixed(2)} M conversations (load average ${r.loadAverage.toFixed(1)})`),
    `  speed-up on 2 threads, per round: ${ratios.map((x) => `${x.toFixed(2)}x`).join(', ')}; median ${median(ratios).toFixed(2)}x`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string, dflt: number) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : dflt;
  };
  const replications = arg('replications', 4);
  console.log(printScaleBench(await runScaleBench(replications, arg('rounds', 1)), replications));
}
