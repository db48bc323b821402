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

  it('lets an offer ring into RONA, then takes it back once available', async () => {
    const c = await customer('sms', 'cust-2', { number: '+12025550199' });
    await c.ok({ type: 'message', text: 'call me back on +1 202 555 0199' });
    const task = await a.nextTask();
    const rejected = taskEvent<string>(task, 'task:rejected');
    expect(await rejected).toBe('RONA');
    await a.nextState({ subStatus: 'Idle', auxCodeId: a.idleCode('RONA') });
    await a.cc.setAgentState({ state: 'Available', auxCodeId: '0' });
    const again = await a.nextTask();
    expect(again.data.interactionId).toBe(task.data.interactionId);
    await again.accept();
    const ended = taskEvent(again, 'task:end');
    await again.end();
    await ended;
    await again.wrapup({ wrapUpReason: 'Resolved', auxCodeId: a.wrapUpCode('Resolved') });
  });

  it('a Livechat customer ending the chat ends the task: the agent wraps up', async () => {
    const c = await customer('livechat', 'cust-3', { name: 'Bo Chen' });
    await c.ok({ type: 'message', text: 'my email is bo.chen@example.com' });
    const task = await a.nextTask();
    await task.accept();
    const ended = taskEvent<{ data: { wrapUpRequired: boolean } }>(task, 'task:end');
    await c.ok({ type: 'end' });
    expect((await ended).data.wrapUpRequired).toBe(true);
    await c.next('ended');
    await task.wrapup({ wrapUpReason: 'Customer left', auxCodeId: a.wrapUpCode('Customer left') });
  });

  it('transfers to a queue: an SDK agent there takes it', async () => {
    const expert = await agent('expert-1');
    await expert.cc.stationLogin({ teamId: 'expert', loginOption: 'BROWSER' });
    await expert.cc.setAgentState({ state: 'Available', auxCodeId: '0' });
    const c = await customer('whatsapp', 'cust-4', { name: 'Cy Doe', number: '+31612345678' });
    await c.ok({ type: 'message', text: 'IBAN NL91 ABNA 0417 1643 00, please check' });
    const task = await a.nextTask();
    await task.accept();
    const ended = taskEvent(task, 'task:end');
    await task.transfer({ to: 'billing', destinationType: 'queue' });
    await ended;
    await task.wrapup({ wrapUpReason: 'Transferred', auxCodeId: a.wrapUpCode('Transferred') });
    const theirs = await expert.nextTask();
    expect(theirs.data.interactionId).toBe(task.data.interactionId);
    await theirs.accept();
    await theirs.end();
    await theirs.wrapup({ wrapUpReason: 'Resolved', auxCodeId: expert.wrapUpCode('Resolved') });
  });

  it('transfers to another SDK agent', async () => {
    const b = await agent('desk-2');
    await b.cc.stationLogin({ teamId: 'desk', loginOption: 'BROWSER' });
    const c = await customer('whatsapp', 'cust-5', { name: 'Di Eze' });
    await c.ok({ type: 'message', text: 'my SSN is 123-45-6789' });
    const task = await a.nextTask();
    await task.accept();
    await b.cc.setAgentState({ state: 'Available', auxCodeId: '0' });
    const ended = taskEvent(task, 'task:end');
    await task.transfer({ to: 'desk-2', destinationType: 'agent' });
    await ended;
    await task.wrapup({ wrapUpReason: 'Transferred', auxCodeId: a.wrapUpCode('Transferred') });
    const theirs = await b.nextTask();
    await theirs.accept();
    await theirs.end();
    await theirs.wrapup({ wrapUpReason: 'Resolved', auxCodeId: b.wrapUpCode('Resolved') });
    await b.cc.setAgentState({ state: 'Idle', auxCodeId: b.idleCode('Break') });
  });

  it('transfers to a native agent: a mixed center', async () => {
    const native = await TestClient.agent(server, 'native-1');
    customers.push(native);
    const c = await customer('whatsapp', 'cust-6', { name: 'Ed Fox' });
    await c.ok({ type: 'message', text: 'hello' });
    const task = await a.nextTask();
    await task.accept();
    await native.ok({ type: 'setState', state: 'available' });
    await task.transfer({ to: 'native-1', destinationType: 'agent' });
    await task.wrapup({ wrapUpReason: 'Transferred', auxCodeId: a.wrapUpCode('Transferred') });
    const offer = await native.next('offer');
    await native.ok({ type: 'accept', offerId: offer.offerId });
    await native.ok({ type: 'end', conversationId: offer.conversationId });
    await native.ok({ type: 'wrapUp', conversationId: offer.conversationId, reason: 'Resolved' });
    await native.ok({ type: 'setState', state: 'idle' });
  });

  it('consults a second SDK agent, then confers with it; each leaves and wraps up', async () => {
    const b = agents.find((x) => x.agentId === 'desk-2')!;
    const c = await customer('whatsapp', 'cust-7', { name: 'Flo Gray', number: '+4915112345678' });
    await c.ok({ type: 'message', text: 'card 5500 0000 0000 0004 was charged twice' });
    const task = await a.nextTask();
    await task.accept();
    await b.cc.setAgentState({ state: 'Available', auxCodeId: '0' });
    // The buddy list is the engine's targets: desk-2 can take it; idle agents are left out when Available is asked for.
    const available = (await a.cc.getBuddyAgents({ state: 'Available', mediaType: 'social' })).data.agentList;
    expect(available.find((x) => x.agentId === 'desk-2')).toMatchObject({ state: 'Available', teamId: 'desk', canTake: true });
    expect(available.map((x) => x.agentId)).not.toContain('desk-1');
    expect(available.every((x) => x.state === 'Available')).toBe(true);
    const all = (await a.cc.getBuddyAgents({ mediaType: 'social' })).data.agentList;
    expect(all.length).toBeGreaterThan(available.length);
    expect(all.find((x) => x.agentId === 'expert-1')).toBeDefined();
    const created = taskEvent(task, 'task:consultCreated');
    await task.consult({ to: 'desk-2', destinationType: 'agent' });
    await created;
    const offered = await b.nextTask();
    expect(offered.data.isConsulted).toBe(true);
    const consulting = taskEvent(task, 'task:consulting');
    const accepted = taskEvent(offered, 'task:consultAccepted');
    await offered.accept();
    await consulting;
    await accepted;
    const started = taskEvent(task, 'task:conferenceStarted');
    await task.consultConference();
    await started;
    const left = taskEvent(task, 'task:participantLeft');
    const bEnded = taskEvent(offered, 'task:end');
    await offered.exitConference();
    await left;
    await bEnded;
    await offered.wrapup({ wrapUpReason: 'Resolved', auxCodeId: b.wrapUpCode('Resolved') });
    await task.end();
    await task.wrapup({ wrapUpReason: 'Resolved', auxCodeId: a.wrapUpCode('Resolved') });
    await c.next('ended');
    // Later offers are for desk-1 alone.
    await b.cc.setAgentState({ state: 'Idle', auxCodeId: b.idleCode('Break') });
  });

  it('holds and resumes a task (a desk marker: messaging goes on)', async () => {
    const c = await customer('livechat', 'cust-8');
    await c.ok({ type: 'message', text: 'still there?' });
    const task = await a.nextTask();
    await task.accept();
    const held = taskEvent(task, 'task:hold');
    await task.hold();
    await held;
    const resumed = taskEvent(task, 'task:resume');
    await task.resume();
    await resumed;
    await task.end();
    await task.wrapup({ wrapUpReason: 'Resolved', auxCodeId: a.wrapUpCode('Resolved') });
  });

  it('goes idle with a code', async () => {
    const answer = await a.cc.setAgentState({ state: 'Idle', auxCodeId: a.idleCode('Lunch') });
    expect((answer.data as Record<string, unknown>).auxCodeId).toBe(a.idleCode('Lunch'));
    await a.nextState({ subStatus: 'Idle', auxCodeId: a.idleCode('Lunch') });
  });

  it('a refused request rejects with the twin\'s reason and changes nothing', async () => {
    await expect(a.cc.setAgentState({ state: 'Idle', auxCodeId: 'no-such-code' })).rejects.toThrow(/^E_MALFORMED: `auxCodeId` must name an idle code/);
    const state = await server.state();
    expect(state.agents.find((x) => x.agentId === 'desk-1')?.reason).toBe('Lunch');
  });

  it('logs out', async () => {
    const answer = await a.cc.stationLogout({ logoutReason: 'end of shift' });
    expect((answer.data as Record<string, unknown>).type).toBe('AgentLogoutSuccess');
  });

  it('the engine\'s accounting balances and no SDK payload leaks an injected value', async () => {
    const state = await server.state();
    expect(state.counts.inProgress).toBe(0);
    const ended = Object.values(state.counts.ended).reduce((n, x) => n + x, 0);
    expect(ended).toBe(state.counts.arrived);
    expect(state.counts.arrived).toBe(8);
    expect(state.slotsHeld).toBe(0);
    const oracle = new LeakOracle();
    oracle.add('4111 1111 1111 1111', 'card');
    for (const v of ['+447966197542', '+12025550199', '+31612345678', '+4915112345678']) oracle.addIdentity(v);
    oracle.add('+1 202 555 0199', 'phone');
    oracle.add('bo.chen@example.com', 'email');
    oracle.add('NL91 ABNA 0417 1643 00', 'iban');
    oracle.add('123-45-6789', 'ssn');
    oracle.add('5500 0000 0000 0004', 'card');
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
