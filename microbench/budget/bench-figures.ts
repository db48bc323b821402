// The hot-path figures a bench budget may name: what each measures, its
// unit, and which bench measures it. microbench/budget/README.md lists them for
// people; this table is the truth.
import { ROUTING_POLICIES } from '../../engine/model/routing-policy.js';

export type BenchSource = 'masking' | 'routing' | 'sim';

/**
 * rate:  throughput, a plain number in the unit the name ends with.
 * ratio: the masking core over the regex baseline, both timed in the same runs.
 * time:  a duration in ns; a budget writes it with a unit (`5us`).
 */
export type FigureKind = 'rate' | 'ratio' | 'time';

export interface BenchFigure {
  name: string;
  kind: FigureKind;
  source: BenchSource;
  /** For tables: `Mchars/s`, `x`, `ns`, `events/s`. */
  unit: string;
  what: string;
}

export const BENCH_FIGURES: readonly BenchFigure[] = [
  ...(['chat', 'dense'] as const).flatMap((corpus): BenchFigure[] => [
    { name: `masking.${corpus}.mcharsPerSecond`, kind: 'rate', source: 'masking', unit: 'Mchars/s', what: `masking core throughput on the ${corpus} corpus` },
    { name: `masking.${corpus}.ratioVsBaseline`, kind: 'ratio', source: 'masking', unit: 'x', what: `masking core over the regex baseline on the ${corpus} corpus, run by run` },
  ]),
  ...ROUTING_POLICIES.map((policy): BenchFigure => ({
    name: `routing.${policy}.p99`, kind: 'time', source: 'routing', unit: 'ns', what: `p99 of one routing call (${policy}, ~90% busy)`,
  })),
  { name: 'sim.eventsPerSecond', kind: 'rate', source: 'sim', unit: 'events/s', what: 'simulated events per wall-clock second on the large center' },
];

export function findFigure(name: string): BenchFigure | undefined {
  return BENCH_FIGURES.find((f) => f.name === name);
}
