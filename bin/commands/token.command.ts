// `cctwin token AGENT`: the command's definition, cheap to import; the
// token code loads only when it runs (token.ts).
import type { Argv, CommandModule } from 'yargs';
import type { TokenArgs } from './token.js';

export const tokenCommand: CommandModule<object, TokenArgs> = {
  command: 'token <agent>',
  describe: 'Print an access token for the agent SDK (cctwin serve --webex): a JWT signed with the server\'s secret',
  builder: (y: Argv<object>) =>
    y
      .positional('agent', { type: 'string', demandOption: true, describe: 'Agent id, as the server lists it (GROUP-N, e.g. agents-1)' })
      .option('secret', { type: 'string', describe: 'The server\'s secret (prefer CCTWIN_SECRET)' })
      .option('scenario', { type: 'string', describe: 'The server\'s scenario: its agents and tenant.orgId', defaultDescription: 'scenarios/quickstart.yaml' })
      .option('set', { type: 'string', default: [] as string[], defaultDescription: 'none', coerce: (v: string | string[]) => [v].flat(), describe: 'Override a scenario key (repeatable), as given to serve' })
      .option('expires', { type: 'string', describe: 'Lifetime of the token (1h, 30m, ...); without it the token does not expire' })
      .example('CCTWIN_SECRET=s3cret cctwin token agents-1 --expires 8h', 'a token for agents-1 of the default scenario, good for 8 hours') as unknown as Argv<TokenArgs>,
  handler: async (argv) => {
    const { runToken } = await import('./token.js');
    process.exitCode = await runToken(argv);
  },
};
