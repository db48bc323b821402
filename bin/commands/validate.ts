// `cctwin validate <scenario>`: load the scenario exactly as run, sweep and
// load do (schema, cross-field checks and budgets, every problem in one
// list), then say "ok" with a summary, or print every problem and exit 2.
import type { Argv, CommandModule } from 'yargs';
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

export const validateCommand: CommandModule<object, ValidateArgs> = {
  command: 'validate <scenario>',
  describe: 'Check a scenario file and print every error in it (file:line:col, key path, what was expected)',
  builder: (y: Argv<object>) =>
    y
      .positional('scenario', { type: 'string', describe: 'Scenario file (YAML)', demandOption: true })
      // Not `array: true`: an array option would swallow the scenario file written after it.
      .option('set', {
        type: 'string',
        default: [] as string[],
        defaultDescription: 'none',
        describe: 'Override a scenario key before checking: --set agents.0.count=70 (repeatable)',
        coerce: (v: string | string[] | undefined): string[] => (v === undefined ? [] : [v].flat()),
      })
      .option('json', { type: 'boolean', describe: 'Print the result (the normalized scenario, or the problems) as JSON on stdout' }) as unknown as Argv<ValidateArgs>,
  handler: (argv) => {
    process.exitCode = runValidate({ scenario: argv.scenario, set: argv.set ?? [], json: argv.json });
  },
};
