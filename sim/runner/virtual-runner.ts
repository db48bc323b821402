// The virtual-time runner: pops the next due action, turns it into engine
// commands, and feeds the engine's events to the recorder and back to the
// behaviour models (an agent answers an offer by planning its accept). Every
// draw derives from the scenario's one seed, so a scenario and seed give the
// same events, in the same order, on any machine and thread.
import type { Scenario } from '../../scenarios/scenario.js';
import { checkEngineInvariants, Engine, type Command, type EngineEvent, type TextMasker } from '../../engine/index.js';
import { RunRecorder } from '../../reports/recorder.js';
import { EventQueue } from '../clock/event-queue.js';
import { createArrivalProcess } from '../arrivals/poisson.js';
import { createRng, deriveSeed } from '../random/prng.js';
import { AgentModel, chooseTarget, conferenceCandidates, CustomerModel, transferCandidates } from '../behaviour/index.js';
import { agentIdOf, assetIdOf, engineConfigOf, setupCommands } from './world.js';
import { ShiftRoster, type StaffingChange } from './shift-roster.js';
import { TimeSeriesSampler } from './time-series-sampler.js';
import { createMessageGenerator } from '../messages/index.js';
import { IntervalSeries, type IntervalTotals } from '../../reports/interval-series.js';
import type { TimeSeries } from '../../reports/report.js';
import * as A from './actions.js';

export interface RunOptions {
  /** Overrides the scenario's seed. */
  seed?: number;
  /** How long the run may go on draining after arrivals stop. Default 24 h. */
  maxDrainMs?: number;
  /** Check the engine's invariants after every command (slow; for tests). */
  checkInvariants?: boolean;
  /** The masker for agent-facing text; identity when absent. */
  mask?: TextMasker;
  /** Called every 8,192 events with the simulated time reached (progress bars, memory probes): about 18 times in a quickstart day. */
  onProgress?: (simulatedMs: number, events: number) => void;
  /** How engine.route is sampled; the default times one routing call in ROUTE_SAMPLE_EVERY. */
  timing?: RouteTiming;
}

export interface RouteTiming {
  /** Time one routing call in this many (1: every call). */
  every: number;
  /** Stop the run once engine.route holds this many samples (a timing pass needs no more). */
  stopAfterSamples?: number;
}

export interface RunOutcome {
  recorder: RunRecorder;
  seed: number;
  simulatedMs: number;
  events: number;
  wallMs: number;
  agents: number;
  /** Held slot-time over staffed slot-time between warm-up and the end of arrivals. */
  occupancy: number;
  /** Per reporting interval, for the report's interval table. */
  intervals: IntervalTotals;
  /** The center sampled at a fixed step, for the report's charts. */
  timeSeries: TimeSeries;
}

interface ConversationSim {
  stream: CustomerModel;
  customerId: string;
  /** The first owner's plan has been drawn; later owners just work and end it. */
  planned: boolean;
}

interface Arrival {
  stream: CustomerModel;
  next: () => number;
}

const DAY_MS = 24 * 3600 * 1000;
/** engine.route times one routing call in this many. */
export const ROUTE_SAMPLE_EVERY = 8;

export function runScenario(scenario: Scenario, options: RunOptions = {}): RunOutcome {
  const seed = options.seed ?? scenario.seed;
  const wallStart = performance.now();
  const recorder = new RunRecorder({ warmupMs: scenario.warmupMs, serviceLevelThresholdMs: scenario.serviceLevelThresholdMs });
  // Quiet: no simulated person reads messages, notes or conference status, so the engine leaves them out.
  const engine = new Engine({ ...engineConfigOf(scenario), quiet: true, ...(options.mask ? { mask: timedMasker(options.mask, recorder) } : {}) });
  const view = engine.view;
  const queue = new EventQueue();
  const out: EngineEvent[] = [];
  const check = options.checkInvariants === true;
  const stopAtMs = scenario.durationMs + (options.maxDrainMs ?? DAY_MS);

  const agentModels = new Map<string, AgentModel>();
  const streams = scenario.customers.map((spec, i) => new CustomerModel(spec, i, assetIdOf(spec.channel, spec.queue), createRng(deriveSeed(seed, 'customers', i))));
  const conversations = new Map<number, ConversationSim>();
  /** The stream whose customer is writing right now, so its `arrived` event finds its model. */
  let writingStream: CustomerModel | null = null;
  let writingCustomerId = '';

  /** Virtual time, ms. In a typed array: the closures share it, and a captured double would be boxed anew at every event. */
  const clock = new Float64Array(1);
  let events = 0;
  let heldSince = scenario.warmupMs;
  let heldArea = 0;
  const measureEndMs = scenario.durationMs;
  const roster = new ShiftRoster(scenario);
  const intervals = new IntervalSeries(scenario.intervalMs, scenario.durationMs, scenario.serviceLevelThresholdMs);
  // Six samples an interval, and no more than 2,000 in all.
  const sampler = new TimeSeriesSampler(Math.max(scenario.intervalMs / 6, scenario.durationMs / 2000), scenario.durationMs);
  let slotTimeSince = 0;

  /**
   * One engine call, its events recorded and fed to the behaviour models.
   * `timed`: engine.route records the wall-clock cost of the engine call
   * alone: never the recording, the models' reactions or the invariant check.
   */
  const run = (cmd: Command, timed = false): void => {
    // Emptied by popping: `out.length = 0` would drop the backing store and
    // make every command allocate a new one.
    while (out.length > 0) out.pop();
    if (timed) {
      const t0 = performance.now();
      engine.execute(cmd, clock[0], out);
      recorder.recordRouteNanos((performance.now() - t0) * 1e6);
      routeSamples++;
    } else {
      engine.execute(cmd, clock[0], out);
    }
    for (let i = 0; i < out.length; i++) {
      const e = out[i]!;
      recorder.record(e);
      intervals.record(e);
      react(e);
    }
    if (check) {
      const problems = checkEngineInvariants(engine);
      if (problems.length > 0) throw new Error(`engine invariants broken at ${clock[0]} ms after ${cmd.type}: ${problems.join('; ')}`);
    }
  };

  /**
   * Like run(), for the commands where routing decisions are made. By default
   * one call in ROUTE_SAMPLE_EVERY is timed (two clock reads and a histogram
   * record cost about as much as the routing), so engine.route's count is
   * that share of the routing calls; which calls is fixed, not drawn.
   */
  const sampleEvery = options.timing?.every ?? ROUTE_SAMPLE_EVERY;
  const stopAfterSamples = options.timing?.stopAfterSamples ?? Infinity;
  let routeCalls = 0;
  let routeSamples = 0;
  const routeTimed = (cmd: Command): void => run(cmd, ++routeCalls % sampleEvery === 0);

  const planAgent = (atMs: number, cmd: Command): void => {
    queue.push(atMs, A.AGENT_COMMAND, cmd);
  };

  const react = (e: EngineEvent): void => {
    switch (e.type) {
      case 'timer':
        queue.push(e.atMs, A.ENGINE_TIMER, e.ref);
        break;
      case 'offer': {
        const delay = agentModels.get(e.agentId)!.acceptAfterMs();
        if (delay >= 0) planAgent(clock[0] + delay, { type: 'accept', agentId: e.agentId, offerId: e.offerId });
        break;
      }
      case 'agentState':
        if (e.state === 'rona') planAgent(clock[0] + agentModels.get(e.agentId)!.ronaRecoveryMs(), { type: 'setState', agentId: e.agentId, state: 'available' });
        break;
      case 'arrived': {
        const sim: ConversationSim = { stream: writingStream!, customerId: writingCustomerId, planned: false };
        conversations.set(e.conversationId, sim);
        const patience = sim.stream.patienceMs();
        if (patience >= 0) queue.push(clock[0] + patience, A.PATIENCE, e.conversationId);
        break;
      }
      case 'conversation':
        planConversation(e.agentId, e.conversationId, e.role);
        break;
      case 'wrapUpRequired':
        planAgent(clock[0] + agentModels.get(e.agentId)!.wrapUpMs(), { type: 'wrapUp', agentId: e.agentId, conversationId: e.conversationId, reason: 'Resolved' });
        break;
      case 'customerEnded':
      case 'interrupted':
        planAgent(clock[0] + agentModels.get(e.agentId)!.reactAfterMs(), { type: 'end', agentId: e.agentId, conversationId: e.conversationId });
        break;
      case 'sessionEnded': {
        const sim = conversations.get(e.conversationId);
        if (sim !== undefined) {
          const backAfterMs = sim.stream.returnAfterMs();
          const atMs = clock[0] + backAfterMs;
          if (backAfterMs >= 0 && atMs < scenario.durationMs) queue.push(atMs, A.RETURN, { stream: sim.stream, customerId: sim.customerId });
        }
        break;
      }
      case 'ended':
        conversations.delete(e.conversationId);
        break;
    }
  };

  const planConversation = (agentId: string, conversationId: number, role: 'owner' | 'conference'): void => {
    const sim = conversations.get(conversationId);
    if (sim === undefined) return;
    // The agent's turn, from the behaviour model (the same object each call: read at once).
    const turn = sim.stream.turn(role, role === 'owner' && !sim.planned);
    if (role === 'owner') sim.planned = true;
    const end: Command = { type: 'end', agentId, conversationId };
    switch (turn.outcome) {
      case 'leaveConference':
        queue.push(clock[0] + turn.handleMs, A.LEAVE_CONFERENCE, conversationId);
        return;
      case 'transfer':
        queue.push(clock[0] + turn.midMs, A.TRANSFER, { agentId, conversationId });
        return;
      case 'conference':
        queue.push(clock[0] + turn.midMs, A.CONFERENCE, { agentId, conversationId });
        planAgent(clock[0] + turn.handleMs, end);
        return;
      case 'customerEnds':
        queue.push(clock[0] + turn.midMs, A.CUSTOMER_END, conversationId);
        return;
      case 'sessionEnd':
        planAgent(clock[0] + turn.handleMs, { type: 'endSession', agentId, conversationId });
        planAgent(clock[0] + turn.handleMs, end);
        return;
      case 'end':
        planAgent(clock[0] + turn.handleMs, end);
        return;
    }
  };

  const transfer = (agentId: string, conversationId: number): void => {
    const c = view.conversation(conversationId);
    if (c === undefined || c.ownerId !== agentId) return;
    const sim = conversations.get(conversationId)!;
    // The behaviour model's rule: the agent the queue's routing would pick, or another queue.
    const to = chooseTarget(transferCandidates(scenario.queues, c.queue, view.pickTarget(conversationId)), sim.stream.targetDraw());
    if (to !== null) run({ type: 'transfer', agentId, conversationId, ...to });
  };

  const conference = (agentId: string, conversationId: number): void => {
    const c = view.conversation(conversationId);
    if (c === undefined || c.ownerId !== agentId || c.state !== 'active') return;
    const sim = conversations.get(conversationId)!;
    // The behaviour model's rule: the agent the queue's routing would pick, or (where the channel allows it) the queue.
    const to = chooseTarget(conferenceCandidates(c.queue, c.conferenceToQueue, view.pickTarget(conversationId)), sim.stream.targetDraw());
    if (to !== null) run({ type: 'conference', agentId, conversationId, ...to });
  };

  const leaveConference = (conversationId: number): void => {
    const c = view.conversation(conversationId);
    if (c === undefined || c.conferenceStatus !== 'active' || c.ownerId === null || c.conferenceAgentId === null) return;
    const sim = conversations.get(conversationId)!;
    if (sim.stream.invitedLeaves()) {
      run({ type: 'endConference', agentId: c.conferenceAgentId, conversationId });
      return;
    }
    // The first agent hands over: the invited agent keeps the chat and ends it later.
    const staying = c.conferenceAgentId;
    run({ type: 'endConference', agentId: c.ownerId, conversationId });
    planAgent(clock[0] + sim.stream.handleMs(), { type: 'end', agentId: staying, conversationId });
  };

  // ---- set-up: assets, agents (logged in as their staffing says), arrival streams ----
  for (const cmd of setupCommands(scenario)) run(cmd);
  let agents = 0;
  for (const group of scenario.agents) {
    const model = new AgentModel(group, createRng(deriveSeed(seed, 'agents', group.group)));
    for (let i = 0; i < group.count; i++) agentModels.set(agentIdOf(group.group, i), model);
    agents += group.count;
  }
  const staffedArea = staffedSlotTime(scenario, scenario.warmupMs, measureEndMs);
  for (const change of roster.changes()) {
    if (change.atMs === 0) for (const cmd of roster.apply(change)) run(cmd);
    else if (change.atMs < scenario.durationMs) queue.push(change.atMs, A.STAFFING, change);
  }
  streams.forEach((stream, i) => {
    const process = createArrivalProcess(stream.spec.arrivals, scenario.durationMs, createRng(deriveSeed(seed, 'arrivals', i)));
    const arrival: Arrival = { stream, next: () => process.next() };
    const first = arrival.next();
    if (Number.isFinite(first)) queue.push(first, A.ARRIVAL, arrival);
  });

  const messages = scenario.messages === null ? null : createMessageGenerator(deriveSeed(seed, 'messages'), scenario.messages);
  const write = (stream: CustomerModel, customerId: string): void => {
    writingStream = stream;
    writingCustomerId = customerId;
    const text = messages === null ? 'Hello, I need some help please' : messages.next().text;
    const cmd: Command = { type: 'customerMessage', assetId: stream.assetId, customerId, text };
    if (stream.spec.channel === 'livechat' && stream.proactive()) cmd.proactive = true;
    if (stream.spec.channel === 'sms' || stream.spec.channel === 'whatsapp') cmd.number = customerId;
    routeTimed(cmd);
    writingStream = null;
  };

  // ---- the event loop ----
  while (queue.pop()) {
    const t = queue.lastTime;
    if (t > stopAtMs || routeSamples >= stopAfterSamples) break;
    const kind = queue.lastKind as A.ActionKind;
    const ref = queue.lastRef;
    // A RONA deadline whose offer was accepted or withdrawn is no event at all: skip it uncounted.
    if (kind === A.ENGINE_TIMER && !view.offerPending(ref as number)) continue;
    if (t > heldSince && heldSince < measureEndMs) {
      const until = Math.min(t, measureEndMs);
      heldArea += view.heldSlots() * (until - heldSince);
      heldSince = until;
    }
    if (t > slotTimeSince) {
      intervals.addSlotTime(slotTimeSince, t, view.heldSlots(), roster.staffedSlots);
      sampler.sampleUpTo(t, view, roster.staffedSlots);
      slotTimeSince = t;
    }
    clock[0] = t;
    if ((++events & 0x1fff) === 0 && options.onProgress) options.onProgress(clock[0], events);
    switch (kind) {
      case A.ARRIVAL: {
        const arrival = ref as Arrival;
        write(arrival.stream, arrival.stream.nextCustomerId());
        const next = arrival.next();
        if (Number.isFinite(next)) queue.push(next, A.ARRIVAL, arrival);
        break;
      }
      case A.ENGINE_TIMER:
        routeTimed({ type: 'timerFired', timerKind: 'offerExpiry', ref: ref as number });
        break;
      case A.AGENT_COMMAND: {
        const cmd = ref as Command;
        // An agent whose shift ended while it was in RONA stays logged out.
        if (cmd.type === 'setState' && roster.isOffShift(cmd.agentId)) break;
        if (cmd.type === 'wrapUp' || cmd.type === 'setState') routeTimed(cmd);
        else run(cmd);
        break;
      }
      case A.STAFFING:
        for (const cmd of roster.apply(ref as StaffingChange)) routeTimed(cmd);
        break;
      case A.PATIENCE: {
        const id = ref as number;
        const state = view.stateOf(id);
        // Patience runs from arrival until the first answer; a later wait (after a transfer) is not abandonment.
        if ((state === 'queued' || state === 'offered') && view.answeredAtMs(id) < 0) run({ type: 'abandon', conversationId: id });
        break;
      }
      case A.CUSTOMER_END:
        run({ type: 'customerEnd', conversationId: ref as number });
        break;
      case A.RETURN: {
        const r = ref as { stream: CustomerModel; customerId: string };
        write(r.stream, r.customerId);
        break;
      }
      case A.TRANSFER: {
        const r = ref as { agentId: string; conversationId: number };
        transfer(r.agentId, r.conversationId);
        break;
      }
      case A.CONFERENCE: {
        const r = ref as { agentId: string; conversationId: number };
        conference(r.agentId, r.conversationId);
        break;
      }
      case A.LEAVE_CONFERENCE:
        leaveConference(ref as number);
        break;
    }
  }
  if (heldSince < measureEndMs) heldArea += view.heldSlots() * (measureEndMs - heldSince);
  if (slotTimeSince < scenario.durationMs) {
    intervals.addSlotTime(slotTimeSince, scenario.durationMs, view.heldSlots(), roster.staffedSlots);
    sampler.sampleUpTo(scenario.durationMs, view, roster.staffedSlots);
  }

  recorder.finish(view.openConversationIds());
  const windowMs = Math.max(0, measureEndMs - scenario.warmupMs);
  return {
    recorder, seed, simulatedMs: clock[0], events, wallMs: performance.now() - wallStart, agents,
    occupancy: staffedArea > 0 && windowMs > 0 ? heldArea / staffedArea : 0,
    intervals: intervals.totals,
    timeSeries: sampler.series,
  };
}

/** The masker, with the wall-clock cost of each call recorded as `engine.mask`. */
function timedMasker(mask: TextMasker, recorder: RunRecorder): TextMasker {
  return (text) => {
    const t0 = performance.now();
    const masked = mask(text);
    recorder.recordMaskNanos((performance.now() - t0) * 1e6);
    return masked;
  };
}

/**
 * Slot-time staffed between two times, from the staffing pieces (exact: whole
 * ms times whole slots), so constant staffing gives exactly count x capacity x window.
 */
function staffedSlotTime(scenario: Scenario, fromMs: number, toMs: number): number {
  let area = 0;
  for (const g of scenario.agents) {
    g.staffing.forEach((piece, i) => {
      const end = g.staffing[i + 1]?.fromMs ?? Infinity;
      const overlap = Math.min(end, toMs) - Math.max(piece.fromMs, fromMs);
      if (overlap > 0) area += piece.count * g.capacity * overlap;
    });
  }
  return area;
}
