// The files `--out DIR` writes for a run (and for each point of a sweep).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from '../../reports/report.js';
import type { ReplicationResult } from '../../reports/replication.js';
import { mergeTotals } from '../../reports/replication.js';
import { renderJson } from '../../reports/render-json.js';
import { renderHtml } from '../../reports/html/render-html.js';
import { renderHlog } from '../../reports/hlog.js';

/** `--out DIR`: report.json, report.html and histograms.hlog (the merged histograms, in HdrHistogram's log format). */
export function writeRunOutputs(dir: string, report: Report, results: readonly ReplicationResult[], startedAtMs: number): void {
  const { histograms } = mergeTotals(results);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'report.json'), renderJson(report));
  writeFileSync(join(dir, 'report.html'), renderHtml(report, histograms, { subtitle: new Date(startedAtMs).toISOString() }));
  writeFileSync(join(dir, 'histograms.hlog'), renderHlog(histograms, { startTimeMs: startedAtMs, simulatedSeconds: report.simulated.seconds }));
}

