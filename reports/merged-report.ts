// The report of R independent replications: counts and histograms pooled
// exactly, and each key figure also given as a mean across replications with
// its 95% confidence interval (how sure the twin is).
import type { KeyFigureEstimates, Report } from './report.js';
import { buildReport, ratio } from './build-report.js';
import { estimate } from './confidence.js';
import { decodeTotals, mergeTotals, type ReplicationResult } from './replication.js';
import { summarize } from './histogram.js';

export interface MergeContext {
  scenario: string;
  /** The scenario's seed (replication 0 runs on it; the others on seeds derived from it). */
  seed: number;
  serviceLevelThresholdMs: number;
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
  return report;
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
