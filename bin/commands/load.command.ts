// `cctwin load <scenario>`: the command's definition, cheap to import; the
// load generator and the embedded server load only when it runs (load.ts).
import type { Argv, CommandModule } from 'yargs';
import { checkNumbers, SEED_RULE } from '../option-checks.js';
import type { LoadArgs } from './load.js';

export const loadCommand: CommandModule<object, LoadArgs> = {
  command: 'load <scenario>',
  describe: 'Real-time load test: simulated agents and customers as WebSocket clients against --target (default: an embedded server)',
  builder: (y: Argv<object>) =>
    y
      .positional('scenario', { type: 'string', describe: 'Scenario file (YAML)', demandOption: true })
      .option('speed', { type: 'number', default: 1, describe: 'Run the scenario clock this many times faster (durations, delays and patience divided, rates multiplied)' })
      .option('duration', { type: 'string', describe: 'Wall-clock cap, e.g. 2m (default: the sped-up scenario plus --drain)' })
      .option('drain', { type: 'string', default: '1h', describe: 'Scenario time allowed after the last arrival for conversations to end' })
      .option('target', { type: 'string', describe: 'ws://host:port of a running cctwin serve (default: start one on a free loopback port)' })
      .option('secret', { type: 'string', describe: "The target's agent-token secret (prefer CCTWIN_SECRET)" })
      .option('seed', { type: 'number', describe: "Seed for every random draw (default: the scenario's seed)" })
      .option('set', { type: 'string', default: [] as string[], defaultDescription: 'none', coerce: (v: string | string[]) => [v].flat(), describe: 'Override a scenario key (repeatable), e.g. --set tenant.maskSensitiveData=false' })
      .option('json', { type: 'boolean', describe: 'Print the report as JSON on stdout, nothing else' })
      .option('out', { type: 'string', describe: 'Write load.hlog (streamed while running), report.json and report.html into this folder' })
      .option('junit', { type: 'string', describe: 'Write the verdicts as JUnit XML: a testcase per budget, one for the masking check, one for the balance' })
      .option('quiet', { type: 'boolean', describe: 'Print nothing but errors; the exit status tells' })
      .option('progress', { type: 'boolean', describe: 'Progress lines on stderr even when it is not a terminal' })
      .option('interval', { type: 'string', default: '1s', describe: 'Length of one interval in load.hlog' })
      .option('pii-share', { type: 'number', default: 0.2, describe: 'Share of customer messages holding cards, IBANs, SSNs, emails or phone numbers' })
      .option('engine-thread', { choices: ['worker', 'main'] as const, default: 'worker' as const, describe: "The embedded server's engine thread" })
      .option('agent-client', { choices: ['native', 'webex-sdk'] as const, default: 'native' as const, describe: "What the simulated agents speak: the twin's protocol, or the vendor's agent SDK (needs npm ci --prefix webex-sdk; a target must run serve --webex)" })
      .check((argv) => {
        checkNumbers(argv, { speed: { min: 0, aboveMin: true }, 'pii-share': { min: 0, max: 1 }, seed: SEED_RULE });
        if (argv.target !== undefined && !/^wss?:\/\/[^/]+\/?$/.test(String(argv.target))) throw new Error(`--target must look like ws://host:port, got ${String(argv.target)}`);
        return true;
      }) as unknown as Argv<LoadArgs>,
  handler: async (argv) => {
    const { runLoadCommand } = await import('./load.js');
    const stop = new AbortController();
    // The first SIGINT stops the run cleanly; a second one (the listener is gone) ends the process.
    const onSigint = (): void => stop.abort();
    process.once('SIGINT', onSigint);
    try {
      process.exitCode = await runLoadCommand(argv, stop.signal);
    } finally {
      process.off('SIGINT', onSigint);
    }
  },
};
