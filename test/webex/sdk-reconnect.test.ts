// An SDK agent whose network drops mid-conversation: the SDK notices its
// notification socket closed, subscribes again (every 5 s, its own rhythm),
// and the server hands it its desk back within the reconnection grace: the
// agent is available again, logged in (silent relogin), and goes on with the
// task it held.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../scenarios/load.js';
import { startServer, type RunningServer } from '../../server/index.js';
import { mintAccessToken } from '../../server/webex/access-tokens.js';
import { TestClient } from '../server/helpers/ws-client.js';
import { CuttableRelay } from './helpers/cuttable-relay.js';
import { ensureSdk } from './helpers/sdk-install.js';
import { taskEvent, TestSdkAgent } from './helpers/sdk-desk.js';

const sdk = ensureSdk();
const SECRET = 'reconnect-test-secret';
const SCENARIO = fileURLToPath(new URL('./fixtures/webex.yaml', import.meta.url));

describe.skipIf(!sdk.ok)('an SDK agent whose network drops', () => {
  let server: RunningServer;
  let relay: CuttableRelay;
  let agent: TestSdkAgent | undefined;
  let customer: TestClient | undefined;

  beforeAll(async () => {
    server = await startServer({ scenario: loadScenario(SCENARIO), host: '127.0.0.1', port: 0, secret: SECRET, engineThread: 'main', webex: true, heartbeatIntervalMs: 0 });
    relay = await CuttableRelay.start(server.port);
  });
  afterAll(async () => {
    customer?.ws.terminate();
    await agent?.close().catch(() => {});
    await relay?.close();
    await server?.drain();
  });

  it('reconnects on its own and keeps its task', async () => {
    agent = await TestSdkAgent.register(relay.url, 'desk-1', await mintAccessToken(SECRET, 'desk-1', 'org-test-7'));
    await agent.cc.stationLogin({ teamId: 'desk', loginOption: 'BROWSER' });
    await agent.cc.setAgentState({ state: 'Available', auxCodeId: '0' });
    customer = await TestClient.customer(server, 'whatsapp', 'cust-r1', { name: 'Ida Jo' });
    await customer.ok({ type: 'message', text: 'hello' });
    const task = await agent.nextTask();
    await task.accept();
    agent.clearStates();

    relay.cut();
    // The server set the agent idle when its socket went; back within the grace it is available again.
    await agent.nextState({ subStatus: 'Idle', auxCodeId: agent.idleCode('Disconnected') }, 15_000);
    await agent.nextState({ subStatus: 'Available' }, 15_000);
    const state = await server.state();
    expect(state.agents.find((a) => a.agentId === 'desk-1')).toMatchObject({ state: 'available', connected: true });

    const ended = taskEvent(task, 'task:end');
    await task.end();
    await ended;
    await task.wrapup({ wrapUpReason: 'Resolved', auxCodeId: agent.wrapUpCode('Resolved') });
    await customer.next('ended');
  }, 40_000);
});
