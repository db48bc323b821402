// `cctwin token AGENT`: an access token for the agent SDK, printed on
// stdout alone (for `TOKEN=$(cctwin token agents-1)`). It is a JWT (HS256)
// signed with the server's secret, `sub` the agent and `realm` the
// scenario's org id, which is what `cctwin serve --webex` checks. The secret
// comes from --secret or, better, CCTWIN_SECRET, and is never printed.
import { loadScenario } from '../../scenarios/load.js';
import { DEFAULT_ORG_ID } from '../../scenarios/scenario.js';
import { ScenarioError } from '../../scenarios/scenario-error.js';
import { parseDurationMs } from '../../scenarios/units.js';
import { mintAccessToken } from '../../server/webex/access-tokens.js';
import { agentIdOf } from '../../sim/runner/world.js';
import { EXIT_BAD_INPUT, EXIT_OK } from '../exit-codes.js';
import { printScenarioError, printUsageError, processOutput, type Output } from '../output.js';
import { defaultScenario } from './default-scenario.js';

export interface TokenArgs {
  agent: string;
  secret?: string;
  scenario?: string;
  set: string[];
  expires?: string;
}

export { tokenCommand } from './token.command.js';

export async function runToken(args: TokenArgs, env: NodeJS.ProcessEnv = process.env, out: Output = processOutput): Promise<number> {
  const secret = args.secret ?? (env.CCTWIN_SECRET === '' ? undefined : env.CCTWIN_SECRET);
  if (secret === undefined) {
    printUsageError(out, 'token', 'needs the server\'s secret: CCTWIN_SECRET (or --secret)');
    return EXIT_BAD_INPUT;
  }
  let expiresInS: number | undefined;
  if (args.expires !== undefined) {
    const parsed = parseDurationMs(args.expires);
    if (!parsed.ok || parsed.value < 1000) {
      printUsageError(out, 'token', `--expires: ${parsed.ok ? 'at least 1s' : parsed.message}`);
      return EXIT_BAD_INPUT;
    }
    expiresInS = Math.round(parsed.value / 1000);
  }
  const file = args.scenario ?? defaultScenario();
  let agents: string[];
  let orgId: string;
  try {
    const scenario = loadScenario(file, args.set);
    agents = scenario.agents.flatMap((g) => Array.from({ length: g.count }, (_, i) => agentIdOf(g.group, i)));
    orgId = scenario.orgId ?? DEFAULT_ORG_ID;
  } catch (err) {
    if (!(err instanceof ScenarioError)) throw err;
    printScenarioError(out, file, err);
    return EXIT_BAD_INPUT;
  }
  if (!agents.includes(args.agent)) {
    const sample = agents.slice(0, 3).join(', ');
    printUsageError(out, 'token', `no agent ${args.agent} in ${file} (its agents are ${sample}${agents.length > 3 ? `, ... (${agents.length})` : ''})`);
    return EXIT_BAD_INPUT;
  }
  out.stdout(`${await mintAccessToken(secret, args.agent, orgId, expiresInS)}\n`);
  return EXIT_OK;
}
