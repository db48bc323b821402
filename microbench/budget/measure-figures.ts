// Measures the figures a budget file names, robust to a noisy machine: a
// warm-up first, then several runs, and the median of them; the masking
// ratio is taken run by run against the regex baseline timed in the same
// run (the two take turns), so a slow machine slows both alike.
import { runMaskingBench } from '../masking/run-masking-bench.js';
import { median } from '../masking/measure.js';
import { runRoutingBench } from '../routing/main.js';
import { runSimBench } from '../sim/main.js';
import type { BenchSource } from './bench-figures.js';
import type { BenchSettings } from './budget-file.js';

export interface FigureSample {
  median: number;
  /** Every timed run's figure, in run order. */
  runs: number[];
}

const sample = (runs: number[]): FigureSample => ({ median: median(runs), runs });

export function measureFigures(sources: ReadonlySet<BenchSource>, s: BenchSettings, log: (line: string) => void = () => {}): Map<string, FigureSample> {
  const figures = new Map<string, FigureSample>();
  if (sources.has('masking')) {
    log(`measuring masking: ${s.maskingMessages} messages per corpus, ${s.runs} runs`);
    // The adversarial inputs are not budgeted: keep them small.
    const r = runMaskingBench({ runs: s.runs, messages: s.maskingMessages, adversarialChars: 1 << 14, baselineAdversarialChars: 1 << 12 });
    for (const c of r.corpora) {
      figures.set(`masking.${c.corpus}.mcharsPerSecond`, sample(c.core.mcharsPerSecondRuns));
      figures.set(`masking.${c.corpus}.ratioVsBaseline`, sample(c.core.mcharsPerSecondRuns.map((core, i) => core / c.baseline.mcharsPerSecondRuns[i]!)));
    }
  }
  if (sources.has('routing')) {
    log(`measuring routing: ${s.routingAgents} agents, ${s.routingDecisions} calls, warm-up + ${s.runs} runs`);
    runRoutingBench(s.routingAgents, 1, s.routingDecisions);
    const p99s = new Map<string, number[]>();
    for (let i = 0; i < s.runs; i++) {
      for (const row of runRoutingBench(s.routingAgents, 1, s.routingDecisions)) {
        p99s.set(row.policy, [...(p99s.get(row.policy) ?? []), row.latency.p99]);
      }
    }
    for (const [policy, runs] of p99s) figures.set(`routing.${policy}.p99`, sample(runs));
  }
  if (sources.has('sim')) {
    log(`measuring sim: ${s.simConversations} conversations, warm-up + ${s.runs} runs`);
    const r = runSimBench(s.simConversations, s.runs + 1);
    figures.set('sim.eventsPerSecond', sample(r.runs.slice(1).map((x) => x.eventsPerSecond)));
  }
  return figures;
}

/** The runs of both, per figure, with the median of them all. */
export function poolSamples(a: ReadonlyMap<string, FigureSample>, b: ReadonlyMap<string, FigureSample>): Map<string, FigureSample> {
  const out = new Map(a);
  for (const [name, s] of b) out.set(name, sample([...(a.get(name)?.runs ?? []), ...s.runs]));
  return out;
}
