// The report of R independent replications: counts and histograms pooled
// exactly, and each key figure also given as a mean across replications with
// its 95% confidence interval (how sure the twin is).
import type { KeyFigureEstimates, Report } from './report.js';
import { buildReport, ratio } from './build-report.js';
import { estimate } from './confidence.js';
import { decodeTotals, mergeTotals, type ReplicationResult } from './replication.js';
import { summarize } from './histogram.js';
import { replicatedIntervalRows } from './interval-series.js';
import type { TimeSeries } from './report.js';

export interface MergeContext {
  scenario: string;
  /** The scenario's seed (replication 0 runs on it; the others on seeds derived from it). */
  seed: number;
  serviceLevelThresholdMs: number;
  warmupMs: number;
  /** Wall-clock time of the whole run, all threads together. */
  wallMs: number;
}

export function buildMergedReport(results: readonly ReplicationResult[], ctx: MergeContext): Report {
  const ordered = [...results].sort((a, b) => a.index - b.index);
  const totals = mergeTotals(ordered);
  const report = buildReport(totals, {
    scenario: ctx.scenario,
    seed: ctx.seed,
    replications: ordered.length,
    simulatedMs: ordered.reduce((n, r) => n + r.simulatedMs, 0),
    events: ordered.reduce((n, r) => n + r.events, 0),
    wallMs: ctx.wallMs,
    agents: ordered[0]!.agents,
    occupancy: ordered.reduce((n, r) => n + r.occupancy, 0) / ordered.length,
    serviceLevelThresholdMs: ctx.serviceLevelThresholdMs,
  });
  if (ordered.length > 1) report.confidence = keyFigureEstimates(ordered);
  report.intervals = replicatedIntervalRows(ordered.map((r) => r.intervals), ctx.warmupMs);
  report.timeSeries = meanTimeSeries(ordered.map((r) => r.timeSeries));
  return report;
}

/** Each sample averaged over the replications (all sample the same instants). */
function meanTimeSeries(all: readonly TimeSeries[]): TimeSeries {
  const n = all.length;
  const mean = (pick: (t: TimeSeries) => number[]): number[] =>
    pick(all[0]!).map((_, i) => Math.round((all.reduce((sum, t) => sum + (pick(t)[i] ?? 0), 0) / n) * 1000) / 1000);
  return {
    stepSeconds: all[0]!.stepSeconds,
    queueLength: mean((t) => t.queueLength),
    heldSlots: mean((t) => t.heldSlots),
    staffedSlots: mean((t) => t.staffedSlots),
    agents: {
      available: mean((t) => t.agents.available),
      engaged: mean((t) => t.agents.engaged),
      idle: mean((t) => t.agents.idle),
      rona: mean((t) => t.agents.rona),
    },
  };
}

function keyFigureEstimates(results: readonly ReplicationResult[]): KeyFigureEstimates {
  const per = results.map((r) => {
    const decided = r.counts.answered + r.counts.abandoned;
    const answerTime = summarize(decodeTotals(r).histograms.answerTime);
    return {
      serviceLevel: ratio(r.answeredWithinThreshold, decided),
      abandonRate: ratio(r.counts.abandoned, decided),
      waitProbability: ratio(r.waited, decided),
      averageSpeedOfAnswerSeconds: answerTime.mean / 1000,
      occupancy: r.occupancy,
    };
  });
  const of = (key: keyof (typeof per)[number]) => estimate(per.map((p) => p[key]));
  return {
    serviceLevel: of('serviceLevel'),
    abandonRate: of('abandonRate'),
    waitProbability: of('waitProbability'),
    averageSpeedOfAnswerSeconds: of('averageSpeedOfAnswerSeconds'),
    occupancy: of('occupancy'),
  };
}
