// `cctwin serve [scenario]`: the command's definition, cheap to import; the
// server (fastify, ws, the engine) loads only when it runs (serve.ts).
import type { Argv, CommandModule } from 'yargs';
import { SERVER_DEFAULTS } from '../../server/server-options.js';
import { checkNumbers } from '../option-checks.js';
import type { ServeArgs } from './serve.js';

/** A duration option in seconds for --help: SERVER_DEFAULTS hold milliseconds. */
export const seconds = (ms: number): string => `${ms / 1000}s`;

export const serveCommand: CommandModule<object, ServeArgs> = {
  command: 'serve [scenario]',
  describe: 'Start the twin server (HTTP + WebSocket) for a scenario; SIGTERM drains it',
  builder: (y: Argv<object>) =>
    y
      .positional('scenario', { type: 'string', describe: 'Scenario file (YAML): queues, agents, channel assets, tenant', defaultDescription: 'scenarios/quickstart.yaml' })
      .option('set', { type: 'string', default: [] as string[], defaultDescription: 'none', coerce: (v: string | string[]) => [v].flat(), describe: 'Override a scenario key (repeatable)' })
      .option('port', { type: 'number', default: SERVER_DEFAULTS.port, describe: 'TCP port (0: any free port)' })
      .option('host', { type: 'string', default: SERVER_DEFAULTS.host, describe: 'Address to listen on' })
      .option('admin-token', { type: 'string', describe: 'Bearer token for /api/admin/... (prefer CCTWIN_ADMIN_TOKEN)' })
      .option('secret', { type: 'string', describe: 'Secret agent tokens are derived from (prefer CCTWIN_SECRET)' })
      .option('engine-thread', { choices: ['worker', 'main'] as const, default: 'worker' as const, describe: 'Run the engine on a worker thread or on the socket thread' })
      .option('print-tokens', { type: 'boolean', describe: 'Print each agent\'s token on stdout (and a generated secret)' })
      .option('reconnect-grace', { type: 'string', default: '30s', describe: 'How long a disconnected agent keeps its conversations' })
      .option('rate-limit', { type: 'number', default: SERVER_DEFAULTS.rateLimit.perSecond, describe: 'Frames per second per connection' })
      .option('rate-burst', { type: 'number', default: SERVER_DEFAULTS.rateLimit.burst, describe: 'Frames a connection may send at once' })
      .option('drain-timeout', {
        type: 'string', default: seconds(SERVER_DEFAULTS.drainTimeoutMs),
        describe: 'Bound of the SIGTERM drain: connections still open then are closed forcibly (exit status 4)',
      })
      .option('heartbeat-interval', { type: 'string', default: seconds(SERVER_DEFAULTS.heartbeatIntervalMs), describe: 'How often every WebSocket connection is pinged (0: no heartbeats)' })
      .option('heartbeat-timeout', {
        type: 'string', default: seconds(SERVER_DEFAULTS.heartbeatTimeoutMs),
        describe: 'A connection that leaves a ping unanswered this long is dropped, as a disconnect (rounded up to whole intervals)',
      })
      .option('webex', { type: 'boolean', describe: 'Also serve the agent SDK of Webex Contact Center: U2C catalog, gateway, notification socket (docs/webex.md)' })
      .check((argv) => checkNumbers(argv, {
        port: { whole: true, min: 0, max: 65535 }, 'rate-limit': { min: 0, aboveMin: true }, 'rate-burst': { min: 0, aboveMin: true },
      })) as unknown as Argv<ServeArgs>,
  handler: async (argv) => {
    const { runServe } = await import('./serve.js');
    process.exitCode = await runServe(argv);
  },
};
