// What the load tests share: the small center, `cctwin load` through
// runLoadCommand with its output captured, the load report's JSON Schema
// compiled with ajv (it $refs the run report's schema), and load.hlog's
// intervals merged back into whole-run histograms.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { HistogramLogReader, type JsHistogram } from 'hdr-histogram-js';
import { runLoadCommand, type LoadArgs } from '../../bin/commands/load.js';
import { createLatencyHistogram, type LatencyHistogram } from '../../reports/histogram.js';
import { LATENCY_BASES, LOAD_MEASURES, tagOf, type LatencyBase, type LoadMeasure, type LoadReport } from '../../load/index.js';

export const SCENARIO = fileURLToPath(new URL('./fixtures/small-load.yaml', import.meta.url));
/** 10 s of scenario at 10x: about 1 s of arrivals, 20 conversations, done in 2-3 s of wall time. */
export const SHORT = 'duration=10s';

export function loadArgs(over: Partial<LoadArgs>): LoadArgs {
  return { scenario: SCENARIO, speed: 10, drain: '1h', set: [], interval: '250ms', piiShare: 0.2, engineThread: 'worker', ...over };
}

export interface CommandRun {
  status: number;
  stdout: string;
  stderr: string;
}

export async function runCommand(a: LoadArgs, signal?: AbortSignal): Promise<CommandRun> {
  let stdout = '';
  let stderr = '';
  const status = await runLoadCommand(a, signal, {}, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { status, stdout, stderr };
}

/** `budgets: [...]` for --set: the scenario's whole list at once. */
export function setBudgets(...budgets: string[]): string {
  return `budgets=${JSON.stringify(budgets)}`;
}

const json = (file: string): object => JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8')) as object;
export const loadReportSchema = json('../../load/load-report.schema.json') as Record<string, any>;
const ajv = new Ajv({ allErrors: true });
ajv.addSchema(json('../../reports/report.schema.json'));
export const validateLoadReport = ajv.compile(loadReportSchema);

/** '' when `value` is a valid load report; ajv's errors otherwise. */
export function loadSchemaErrors(value: unknown): string {
  return validateLoadReport(value) ? '' : JSON.stringify(validateLoadReport.errors, null, 1);
}

/** Every interval of a load.hlog merged per tag: the run's whole histograms, as HdrHistogram's own reader reads them. */
export function wholeFromHlog(file: string): Record<LoadMeasure, Record<LatencyBase, LatencyHistogram>> {
  const out = {} as Record<LoadMeasure, Record<LatencyBase, LatencyHistogram>>;
  const byTag = new Map<string, LatencyHistogram>();
  for (const m of LOAD_MEASURES) {
    out[m] = {} as Record<LatencyBase, LatencyHistogram>;
    for (const b of LATENCY_BASES) {
      out[m][b] = createLatencyHistogram('us');
      byTag.set(tagOf(m, b), out[m][b]);
    }
  }
  const reader = new HistogramLogReader(readFileSync(file, 'utf8'), 64);
  for (let h = reader.nextIntervalHistogram(); h !== null; h = reader.nextIntervalHistogram()) {
    const hdr = h as JsHistogram;
    byTag.get(hdr.tag)!.hdr.add(hdr);
  }
  return out;
}

export type { LoadReport };
