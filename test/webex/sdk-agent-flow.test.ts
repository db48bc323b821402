// The vendor's unmodified agent SDK (pinned in webex-sdk/) drives a real
// `cctwin serve --webex` on loopback: SDK agents register, log in, take
// offers customers make on the twin's own protocol, and go through every
// action of a digital agent's day. Afterwards the engine's counts balance,
// no payload an SDK agent received shows an injected sensitive value, and
// the process connected to nothing outside loopback.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tapSdkSockets } from '../../load/webex/sdk-runtime.js';
import { loadScenario } from '../../scenarios/load.js';
import { startServer, type RunningServer } from '../../server/index.js';
import { mintAccessToken } from '../../server/webex/access-tokens.js';
import { LeakOracle, type OracleLeak } from '../../sim/messages/leak-oracle.js';
import { TestClient } from '../server/helpers/ws-client.js';
import { installLoopbackGuard } from './helpers/loopback-guard.js';
import { ensureSdk } from './helpers/sdk-install.js';
import { taskEvent, TestSdkAgent } from './helpers/sdk-desk.js';

// Before anything connects: every destination from here on is recorded. (The SDK itself loads with the first agent.)
const guard = installLoopbackGuard();
const sdk = ensureSdk();
if (!sdk.ok) process.stderr.write(`skipping the agent SDK tests: ${sdk.reason}\n`);
type Agent = TestSdkAgent;

const SECRET = 'webex-test-secret';
const ORG = 'org-test-7';
const SCENARIO = fileURLToPath(new URL('./fixtures/webex.yaml', import.meta.url));

describe.skipIf(!sdk.ok)('the agent SDK against cctwin serve --webex', () => {
  let server: RunningServer;
  const received: string[] = [];
  const agents: Agent[] = [];
  const customers: TestClient[] = [];
  let a: Agent;

  beforeAll(async () => {
    tapSdkSockets((text) => received.push(text));
    server = await startServer({ scenario: loadScenario(SCENARIO), host: '127.0.0.1', port: 0, secret: SECRET, engineThread: 'worker', webex: true, heartbeatIntervalMs: 0 });
  });

  afterAll(async () => {
    for (const c of customers) c.ws.terminate();
    for (const x of agents) await x.close().catch(() => {});
    tapSdkSockets(undefined);
    await server?.drain();
  });

  const agent = async (id: string): Promise<Agent> => {
    const x = await TestSdkAgent.register(server.url, id, await mintAccessToken(SECRET, id, ORG));
    agents.push(x);
    return x;
  };
  const customer = async (channel: string, id: string, extra: Record<string, string> = {}) => {
    const c = await TestClient.customer(server, channel, id, extra);
    customers.push(c);
    return c;
  };

  it('registers: the profile is the scenario\'s agent, team, codes and masking setting', async () => {
    a = await agent('desk-1');
    expect(a.profile.agentId).toBe('desk-1');
    expect((a.profile.teams as { id: string }[]).map((t) => t.id)).toEqual(['desk']);
    expect((a.profile.idleCodes as { name: string }[]).map((c) => c.name)).toContain('Break');
    expect((a.profile.wrapupCodes as { name: string }[]).map((c) => c.name)).toEqual(['Resolved', 'Follow-up needed', 'Transferred', 'Customer left', 'Other']);
    expect(a.profile.maskSensitiveData).toBe(true);
  });

  it('logs in to a station: the capacity is the multimedia profile', async () => {
    const login = await a.cc.stationLogin({ teamId: 'desk', loginOption: 'BROWSER' });
    expect(login.mmProfile).toMatchObject({ chat: 2, social: 2 });
  });

  it('goes available', async () => {
    const answer = await a.cc.setAgentState({ state: 'Available', auxCodeId: '0' });
    expect((answer.data as Record<string, unknown>).subStatus).toBe('Available');
    await a.nextState({ subStatus: 'Available' });
  });

  it('takes an offer, accepts it, ends it and wraps it up', async () => {
    const c = await customer('whatsapp', 'cust-1', { name: 'Ann Lee', number: '+447966197542' });
    await c.ok({ type: 'message', text: 'hi, my card is 4111 1111 1111 1111' });
    const task = await a.nextTask();
    expect(task.data.interaction.mediaChannel).toBe('whatsapp');
    expect(task.data.interaction.callProcessingDetails.customerName).toBe('Ann Lee');
    expect(task.data.interaction.callProcessingDetails.ani).not.toContain('7966197542');
    const assigned = taskEvent(task, 'task:assigned');
    await task.accept();
    await assigned;
    const ended = taskEvent(task, 'task:end');
    await task.end();
    await ended;
    await c.next('ended');
    const wrapped = taskEvent(task, 'task:wrappedup');
    await task.wrapup({ wrapUpReason: 'Resolved', auxCodeId: a.wrapUpCode('Resolved') });
    await wrapped;
  });

  it('the engine\'s accounting balances and no SDK payload leaks an injected value', async () => {
    const state = await server.state();
    expect(state.counts.inProgress).toBe(0);
    expect(state.slotsHeld).toBe(0);
    const oracle = new LeakOracle();
    oracle.add('4111 1111 1111 1111', 'card');
    oracle.addIdentity('+447966197542');
    const leaks: OracleLeak[] = [];
    for (const text of received) oracle.scan(text, leaks);
    expect(received.length).toBeGreaterThan(5);
    expect(leaks).toEqual([]);
  });

  it('connected to nothing outside loopback', () => {
    expect(guard.destinations.length).toBeGreaterThan(0);
    expect(guard.outside()).toEqual([]);
  });
});
