// `cctwin validate <scenario>`: load the scenario exactly as run, sweep and
// load do (schema, cross-field checks and budgets, every problem in one
// list), then say "ok" with a summary, or print every problem and exit 2.
import { loadScenarioWithBudgets } from '../../reports/budgets/scenario-budgets.js';
import type { Scenario } from '../../scenarios/scenario.js';
import { ScenarioError } from '../../scenarios/scenario-error.js';
import { EXIT_BAD_INPUT, EXIT_OK } from '../exit-codes.js';
import { printScenarioError, processOutput, type Output } from '../output.js';

export interface ValidateArgs {
  scenario: string;
  set: string[];
  json?: boolean;
}

// The definition lives in validate.command.ts, so that the CLI loads this file only to run.
export { validateCommand } from './validate.command.js';

/** Validates one scenario file and returns the exit status. */
export function runValidate(args: ValidateArgs, out: Output = processOutput): number {
  let scenario: Scenario;
  try {
    ({ scenario } = loadScenarioWithBudgets(args.scenario, args.set));
  } catch (err) {
    if (!(err instanceof ScenarioError)) throw err;
    if (args.json) out.stdout(`${JSON.stringify({ ok: false, code: err.code, issues: err.issues }, null, 2)}\n`);
    else printScenarioError(out, args.scenario, err);
    return EXIT_BAD_INPUT;
  }
  if (args.json) out.stdout(`${JSON.stringify({ ok: true, scenario }, null, 2)}\n`);
  else out.stdout(`ok: ${summary(scenario)}\n`);
  return EXIT_OK;
}

export function summary(s: Scenario): string {
  const agents = s.agents.reduce((n, g) => n + g.count, 0);
  const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
  return `${s.name} (${count(s.queues.length, 'queue', 'queues')}, ${count(agents, 'agent', 'agents')} in ${count(s.agents.length, 'group', 'groups')}, ${count(s.customers.length, 'customer stream', 'customer streams')})`;
}
