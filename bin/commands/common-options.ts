// Options every scenario command shares (docs/cli.md, "Options of run and sweep").
import { availableParallelism } from 'node:os';
import type { Argv } from 'yargs';
import { checkNumbers, SEED_RULE } from '../option-checks.js';

export interface ScenarioArgs {
  scenario: string;
  seed?: number;
  set: string[];
  json?: boolean;
  out?: string;
  junit?: string;
  quiet?: boolean;
  progress?: boolean;
  check?: boolean;
  intervals?: boolean;
  replications: number;
  threads: number;
}

/** Repeatable, but not `array: true`: an array option would swallow a positional written after it. */
const repeatable = (v: string | string[] | undefined): string[] => (v === undefined ? [] : [v].flat());

export function withScenarioOptions<T>(y: Argv<T>): Argv<T & ScenarioArgs> {
  return y
    .positional('scenario', { type: 'string', describe: 'Scenario file (YAML)', demandOption: true })
    .option('seed', { type: 'number', describe: "Seed for every random draw (default: the scenario's seed)" })
    .option('set', { type: 'string', default: [] as string[], defaultDescription: 'none', coerce: repeatable, describe: 'Override a scenario key: --set agents.0.count=70 (repeatable)' })
    .option('json', { type: 'boolean', describe: 'Print the report as JSON on stdout, nothing else' })
    .option('out', { type: 'string', describe: 'Write report.json (and more) into this folder' })
    .option('junit', { type: 'string', describe: 'Write budget verdicts as JUnit XML to this file' })
    .option('quiet', { type: 'boolean', describe: 'Print nothing but errors; the exit status tells' })
    .option('progress', { type: 'boolean', describe: 'Show progress on stderr even when it is not a terminal' })
    .option('check', { type: 'boolean', describe: "Check the engine's invariants after every command (slow)" })
    .option('intervals', { type: 'boolean', describe: 'Print the per-interval table even when the scenario sets no interval: (run; sweep prints one row per point, --out has each point\'s intervals)' })
    .option('replications', { type: 'number', default: 1, describe: 'Independent replications (seeds derived from the seed); key figures get 95% confidence intervals' })
    .option('threads', { type: 'number', default: defaultThreads(), defaultDescription: 'the cores', describe: 'Worker threads for replications; the report does not depend on it' })
    .check((argv) => checkNumbers(argv, { seed: SEED_RULE, replications: { whole: true, min: 1 }, threads: { whole: true, min: 1 } })) as unknown as Argv<T & ScenarioArgs>;
}

function defaultThreads(): number {
  return availableParallelism();
}
