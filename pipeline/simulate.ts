// The simulate API: one scenario to one report, through the same pipeline
// as `cctwin run` (replications planned, run, merged, budgets judged), so a
// test or a script gets exactly the report the command line would print.
import type { Scenario } from '../scenarios/scenario.js';
import type { Report } from '../reports/report.js';
import { runPipeline, type PipelineJob } from './run-pipeline.js';

export type SimulateOptions = Omit<PipelineJob, 'scenario'> & {
  /** Worker threads for the replications (default 1: one replication runs in this thread). */
  threads?: number;
};

export async function simulate(scenario: Scenario, options: SimulateOptions = {}): Promise<Report> {
  const { threads, ...job } = options;
  const [outcome] = await runPipeline([{ scenario, ...job }], { threads: threads ?? 1 });
  return outcome!.report;
}
