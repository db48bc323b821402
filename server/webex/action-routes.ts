// The gateway's agent and task actions. Each request is checked, becomes at
// most one engine agent command (through the server's batcher, like a
// native frame), and is answered twice, as the SDK expects: on the
// notification socket (the success event, from the frames the command
// caused or from here; or the failure event with the twin's code and
// message as its reason) and over HTTP (202, or the 4xx/5xx of the code
// with `{code, message}`). A refused request changes nothing.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CctwinError, ErrorCode } from '../../engine/errors.js';
import type { AgentCommand } from '../frames.js';
import type { Expectation, SdkDesk } from './sdk-desk.js';
import { LOGGED_OUT_REASON } from './tenant-directory.js';
import { agentEvent, failureEvent, trackingId } from './webex-events.js';
import type { WebexGateway } from './webex-gateway.js';

type Body = Record<string, unknown>;
type Task = NonNullable<ReturnType<SdkDesk['task']>>;

interface Plan {
  cmd?: AgentCommand;
  /** What the SDK then waits for on the task: the desk answers it from the frames. */
  expect?: Expectation;
  /** A consult's target agent: the frames about it name it before the command's result comes back. */
  consultTo?: string;
  /** Just before the command goes: what the frames it causes are read with. */
  before?: () => void;
  /** Once carried out: what no frame answers. */
  after?: () => void;
}

interface Action {
  /** The failure event's envelope and type. */
  failure: (body: Body) => [string, string];
  plan: (desk: SdkDesk, body: Body, gw: WebexGateway) => Plan | CctwinError;
}

interface TaskAction {
  failure: (body: Body) => [string, string];
  plan: (desk: SdkDesk, t: Task, body: Body, gw: WebexGateway) => Plan | CctwinError;
}

const STATUS: Partial<Record<ErrorCode, number>> = {
  E_MALFORMED: 400, E_UNAUTHORIZED: 403, E_NOT_SUPPORTED: 400, E_UNKNOWN_AGENT: 404, E_UNKNOWN_QUEUE: 404, E_UNKNOWN_ASSET: 404,
  E_UNKNOWN_CONVERSATION: 404, E_UNKNOWN_OFFER: 404, E_UNKNOWN_REASON: 400, E_RATE_LIMITED: 429, E_INTERNAL: 500,
};
/** Failure events the SDK handles by updating the task they name: never sent for a task its desk does not hold. */
const NEEDS_KNOWN_TASK = new Set(['AgentContactAssignFailed', 'AgentCtqCancelFailed', 'AgentConsultConferenceFailed', 'ParticipantLeftConferenceFailed', 'AgentConferenceTransferFailed']);

const refuse = (code: ErrorCode, message: string): CctwinError => ({ code, message });
const isPlan = (p: Plan | CctwinError): p is Plan => !('code' in p);
const routing = (type: string) => (): [string, string] => ['RoutingMessage', type];

const AGENT_ACTIONS: Record<string, Action> = {
  reload: {
    failure: () => ['AgentReloginFailed', 'AgentReloginFailed'],
    plan: (desk, _b, gw) => ({
      after: () => gw.emit(desk, desk.stationLoggedIn
        ? agentEvent('AgentReloginSuccess', 'AgentReloginSuccess', gw.dir.orgId, desk.agentId, desk.loginFields())
        // Not logged in: the SDK takes this reason quietly and waits for a station login.
        : agentEvent('AgentReloginFailed', 'AgentReloginFailed', gw.dir.orgId, desk.agentId, { reason: 'AGENT_NOT_FOUND' })),
    }),
  },
  login: {
    failure: () => ['StationLogin', 'AgentStationLoginFailed'],
    plan: (desk, b, gw) => {
      const teamId = b.teamId;
      if (teamId !== undefined && (typeof teamId !== 'string' || !gw.dir.teams.includes(teamId))) return refuse('E_MALFORMED', `no team ${String(teamId).slice(0, 64)}; teams are the scenario's agent groups`);
      return {
        after: () => {
          desk.stationLoggedIn = true;
          if (typeof teamId === 'string') desk.teamId = teamId;
          gw.emit(desk, agentEvent('StationLogin', 'AgentStationLoginSuccess', gw.dir.orgId, desk.agentId, desk.loginFields()));
        },
      };
    },
  },
  logout: {
    failure: () => ['Logout', 'AgentLogoutFailed'],
    plan: (desk, _b, gw) => {
      if (!desk.stationLoggedIn) return refuse('E_BAD_STATE', 'not logged in to a station');
      return {
        cmd: { type: 'setState', agentId: desk.agentId, state: 'idle', reason: LOGGED_OUT_REASON },
        after: () => {
          desk.stationLoggedIn = false;
          gw.emit(desk, agentEvent('Logout', 'AgentLogoutSuccess', gw.dir.orgId, desk.agentId, { ...desk.stateFields(), loggedOutBy: 'SELF' }));
        },
      };
    },
  },
  state: {
    failure: () => ['AgentStateChange', 'AgentStateChangeFailed'],
    plan: (desk, b, gw) => {
      if (!desk.stationLoggedIn) return refuse('E_BAD_STATE', 'log in to a station first');
      if (b.agentId !== undefined && b.agentId !== desk.agentId) return refuse('E_UNAUTHORIZED', 'an agent sets its own state only');
      if (b.state === 'Available') return { cmd: { type: 'setState', agentId: desk.agentId, state: 'available' } };
      if (b.state !== 'Idle') return refuse('E_MALFORMED', '`state` must be Available or Idle');
      const code = typeof b.auxCodeId === 'string' ? gw.dir.auxCode(b.auxCodeId, 'IDLE_CODE') : undefined;
      if (code === undefined) return refuse('E_MALFORMED', `\`auxCodeId\` must name an idle code (${String(b.auxCodeId).slice(0, 64)} does not)`);
      return { cmd: { type: 'setState', agentId: desk.agentId, state: 'idle', reason: code.name } };
    },
  },
  // The buddy list is the engine's `targets` answer, translated by the desk when its frame comes.
  buddyList: {
    failure: () => ['BuddyAgents', 'BuddyAgentsRetrieveFailed'],
    plan: (desk, b) => {
      if (!desk.stationLoggedIn) return refuse('E_BAD_STATE', 'log in to a station first');
      const state = b.state;
      if (state !== undefined && state !== 'Available' && state !== 'Idle') return refuse('E_MALFORMED', '`state` must be Available or Idle when given');
      return { cmd: { type: 'listTargets', agentId: desk.agentId }, before: () => desk.askBuddies(state) };
    },
  },
};

const accept: TaskAction = {
  failure: routing('AgentContactAssignFailed'),
  plan: (desk, t) => (t.phase === 'offered' && t.offerId !== undefined
    ? { cmd: { type: 'accept', agentId: desk.agentId, offerId: t.offerId } }
    : refuse('E_BAD_STATE', 'this task is not offered to you')),
};

const TASK_ACTIONS: Record<string, TaskAction> = {
  accept,
  'consult/accept': accept,
  end: {
    failure: routing('AgentContactEndFailed'),
    plan: (desk, t) => (t.phase === 'active' ? { cmd: { type: 'end', agentId: desk.agentId, conversationId: t.conversationId }, expect: 'end' } : refuse('E_BAD_STATE', `the task is ${t.phase}`)),
  },
  wrapup: {
    failure: routing('AgentWrapupFailed'),
    plan: (desk, t, b, gw) => {
      if (t.phase !== 'wrapUp') return refuse('E_BAD_STATE', 'the task is not in wrap-up');
      const code = typeof b.auxCodeId === 'string' ? gw.dir.auxCode(b.auxCodeId, 'WRAP_UP_CODE') : undefined;
      const reason = code?.name ?? (typeof b.wrapUpReason === 'string' ? b.wrapUpReason : '');
      if (reason === '') return refuse('E_MALFORMED', 'wrap-up needs `auxCodeId` (a wrap-up code) or `wrapUpReason`');
      return {
        cmd: { type: 'wrapUp', agentId: desk.agentId, conversationId: t.conversationId, reason },
        after: () => {
          desk.forget(t);
          desk.send('AgentWrappedUp', t, 'wrapUp', { wrapUpAuxCodeId: code?.id ?? '' });
        },
      };
    },
  },
  transfer: {
    failure: (b) => ['RoutingMessage', b.destinationType === 'queue' ? 'AgentVteamTransferFailed' : 'AgentBlindTransferFailed'],
    plan: (desk, t, b) => {
      const target = targetOf(b);
      if ('code' in target) return target;
      return { cmd: { type: 'transfer', agentId: desk.agentId, conversationId: t.conversationId, ...target }, expect: target.queue !== undefined ? 'transferQueue' : 'transferAgent' };
    },
  },
  consult: {
    failure: (b) => ['RoutingMessage', b.destinationType === 'queue' ? 'AgentCtqFailed' : 'AgentConsultFailed'],
    plan: (desk, t, b) => {
      const target = targetOf(b);
      if ('code' in target) return target;
      return {
        cmd: { type: 'conference', agentId: desk.agentId, conversationId: t.conversationId, ...target },
        expect: 'consult',
        ...(target.agent === undefined ? {} : { consultTo: target.agent }),
      };
    },
  },
  'consult/conference': {
    failure: routing('AgentConsultConferenceFailed'),
    plan: (desk, t, _b, gw) => {
      if (t.consulted || t.conference !== 'active') return refuse('E_BAD_STATE', 'no consult accepted on this task');
      // The twin's consulted agent joined the customer's conversation when it accepted: confirm the conference to both.
      return {
        after: () => {
          desk.send('AgentConsultConferenced', t, 'conference', { destAgentId: t.consultAgent ?? '' });
          desk.send('ParticipantJoinedConference', t, 'conference', { participantId: t.consultAgent ?? '' });
          if (t.consultAgent !== undefined) gw.connectedDesk(t.consultAgent)?.conferenced(t.conversationId, desk.agentId);
        },
      };
    },
  },
  'conference/exit': {
    failure: routing('ParticipantLeftConferenceFailed'),
    plan: (desk, t) => (t.conference === 'active' ? { cmd: { type: 'endConference', agentId: desk.agentId, conversationId: t.conversationId }, expect: 'exitConference' } : refuse('E_BAD_STATE', 'no conference on this task')),
  },
  'consult/end': {
    failure: (b) => ['RoutingMessage', b.queueId !== undefined ? 'AgentCtqCancelFailed' : 'AgentConsultEndFailed'],
    plan: (desk, t, b) => {
      const expect: Expectation = b.isConsult === false ? 'consultEndConference' : 'consultEnd';
      const cmd: AgentCommand = { type: 'endConference', agentId: desk.agentId, conversationId: t.conversationId };
      if (t.consulted) return t.conference === 'active' ? { cmd, expect } : refuse('E_BAD_STATE', 'no consult on this task');
      if (t.conference === 'requested') return { cmd, expect };
      if (t.conference === 'active') return refuse('E_NOT_SUPPORTED', 'the consulted agent is in the conversation: it ends its part (consult end or conference exit), or end the conversation');
      return refuse('E_BAD_STATE', 'no consult on this task');
    },
  },
  'consult/transfer': {
    failure: routing('AgentConsultTransferFailed'),
    plan: (desk, t) => ownerLeaves(desk, t, 'consultTransfer'),
  },
  'conference/transfer': {
    failure: routing('AgentConferenceTransferFailed'),
    plan: (desk, t) => ownerLeaves(desk, t, 'conferenceTransfer'),
  },
  // Messaging has no hold in the twin: the desk keeps the flag, the conversation goes on.
  hold: {
    failure: routing('AgentContactHoldFailed'),
    plan: (desk, t) => (t.phase === 'active' && !t.held ? { after: () => { t.held = true; desk.send('AgentContactHeld', t, 'hold'); } } : refuse('E_BAD_STATE', 'the task is not active or already held')),
  },
  unhold: {
    failure: routing('AgentContactUnholdFailed'),
    plan: (desk, t) => (t.phase === 'active' && t.held ? { after: () => { t.held = false; desk.send('AgentContactUnheld', t, 'connected'); } } : refuse('E_BAD_STATE', 'the task is not held')),
  },
};

/** Handing the conversation to the consulted agent: the owner leaves the conference, the other keeps the chat. */
function ownerLeaves(desk: SdkDesk, t: Task, expect: Expectation): Plan | CctwinError {
  if (t.consulted || t.conference !== 'active') return refuse('E_BAD_STATE', 'no consulted agent in the conversation to hand it to');
  return { cmd: { type: 'endConference', agentId: desk.agentId, conversationId: t.conversationId }, expect };
}

function targetOf(b: Body): { queue?: string; agent?: string } | CctwinError {
  if (typeof b.to !== 'string' || b.to === '') return refuse('E_MALFORMED', '`to` must name a queue or an agent');
  if (b.destinationType === 'queue') return { queue: b.to };
  if (b.destinationType === 'agent') return { agent: b.to };
  return refuse('E_NOT_SUPPORTED', `destinationType must be queue or agent (${String(b.destinationType).slice(0, 32)} is not a messaging destination)`);
}

export function registerActionRoutes(app: FastifyInstance, gw: WebexGateway): void {
  app.post('/wcc/v1/agents/reload', (req, reply) => runAgentAction(gw, req, reply, AGENT_ACTIONS.reload!));
  app.post('/wcc/v1/agents/login', (req, reply) => runAgentAction(gw, req, reply, AGENT_ACTIONS.login!));
  app.post('/wcc/v1/agents/logout', (req, reply) => runAgentAction(gw, req, reply, AGENT_ACTIONS.logout!));
  app.put('/wcc/v1/agents/session/state', (req, reply) => runAgentAction(gw, req, reply, AGENT_ACTIONS.state!));
  app.post('/wcc/v1/agents/buddyList', (req, reply) => runAgentAction(gw, req, reply, AGENT_ACTIONS.buddyList!));
  for (const [path, action] of Object.entries(TASK_ACTIONS)) {
    app.post<{ Params: { id: string } }>(`/wcc/v1/tasks/:id/${path}`, (req, reply) => runTaskAction(gw, req, reply, action, req.params.id));
  }
}

function bodyOf(req: FastifyRequest): Body | null {
  const b = req.body;
  if (b === undefined || b === null) return {};
  return typeof b === 'object' && !Array.isArray(b) ? (b as Body) : null;
}

async function runAgentAction(gw: WebexGateway, req: FastifyRequest, reply: FastifyReply, action: Action): Promise<FastifyReply> {
  const desk = gw.desk(gw.agentOf(req));
  const body = bodyOf(req);
  const failure = action.failure(body ?? {});
  const plan = body === null ? refuse('E_MALFORMED', 'the body must be a JSON object') : action.plan(desk, body, gw);
  return carryOut(gw, desk, reply, plan, failure, undefined, undefined);
}

async function runTaskAction(gw: WebexGateway, req: FastifyRequest, reply: FastifyReply, action: TaskAction, interactionId: string): Promise<FastifyReply> {
  const desk = gw.desk(gw.agentOf(req));
  const body = bodyOf(req);
  const failure = action.failure(body ?? {});
  const t = desk.task(interactionId);
  let plan: Plan | CctwinError;
  if (body === null) plan = refuse('E_MALFORMED', 'the body must be a JSON object');
  else if (t === undefined) plan = refuse('E_UNKNOWN_CONVERSATION', `no task ${interactionId.slice(0, 64)} on this desk`);
  else plan = action.plan(desk, t, body, gw);
  return carryOut(gw, desk, reply, plan, failure, t, interactionId);
}

async function carryOut(gw: WebexGateway, desk: SdkDesk, reply: FastifyReply, plan: Plan | CctwinError, failure: [string, string], t: Task | undefined, interactionId: string | undefined): Promise<FastifyReply> {
  let result: Plan | CctwinError = plan;
  if (isPlan(plan) && plan.cmd !== undefined) {
    // The frames a command causes reach the desk before its result: set what they answer first.
    const before = { expect: t?.expect, consultAgent: t?.consultAgent };
    if (t !== undefined && plan.expect !== undefined) desk.expect(t, plan.expect);
    if (t !== undefined && plan.consultTo !== undefined) {
      t.consultAgent = plan.consultTo;
      // Only an SDK desk takes the hint (a native desktop's frames need none).
      if (gw.connectedDesk(plan.consultTo) !== undefined) gw.ownerHints.set(t.conversationId, desk.agentId);
    }
    plan.before?.();
    const refusal = await runCommand(gw, plan.cmd);
    if (refusal !== null) {
      if (t !== undefined) Object.assign(t, before);
      result = refusal;
    }
  }
  if (!isPlan(result)) {
    const status = STATUS[result.code] ?? 409;
    const [envelope, type] = failure;
    // The task may have left the desk while the command was on its way (an offer running into RONA as it was accepted): the SDK dropped it too.
    const known = t !== undefined && desk.task(t.interactionId) === t;
    if (known || !NEEDS_KNOWN_TASK.has(type)) {
      gw.emit(desk, failureEvent(envelope, type, gw.dir.orgId, desk.agentId, t === undefined ? interactionId : t.interactionId, `${result.code}: ${result.message}`, status));
    }
    return gw.refuse(reply, status, result.code, result.message);
  }
  result.after?.();
  return reply.code(202).send({ trackingId: trackingId() });
}

function runCommand(gw: WebexGateway, cmd: AgentCommand): Promise<CctwinError | null> {
  if (gw.ctx.draining()) return Promise.resolve({ code: 'E_BAD_STATE', message: 'the server is shutting down' });
  return new Promise((resolve) => gw.ctx.batcher.push({ op: 'engine', cmd, atMs: Date.now() }, resolve));
}
