// The virtual-time runner: pops the next due action, turns it into engine
// commands, and feeds the engine's events to the recorder and back to the
// behaviour models (an agent answers an offer by planning its accept). Every
// draw derives from the scenario's one seed, so a scenario and seed give the
// same events, in the same order, on any machine and thread.
//
// It drives the engine through its lean port (engine/lean.ts): agents and
// assets by integer handle, events read as rows of numbers, and an agent's
// planned command is an action kind and an id on the event queue, so a
// conversation's way through the center allocates no command or event
// objects. Strings appear only at the rare decisions (transfers, conferences).
import type { Scenario } from '../../scenarios/scenario.js';
import {
  AGENT_STATE_CODES, checkEngineInvariants, Engine, IntMap, EV_AGENT_STATE, EV_ARRIVED, EV_CONVERSATION, EV_CUSTOMER_ENDED, EV_ENDED,
  EV_INTERRUPTED, EV_OFFER, EV_SESSION_ENDED, EV_TIMER, EV_WRAP_UP_REQUIRED, ROLE_CONFERENCE, type Command, type TextMasker,
} from '../../engine/index.js';
import { RunRecorder } from '../../reports/recorder.js';
import { EventQueue } from '../clock/event-queue.js';
import { createArrivalProcess } from '../arrivals/poisson.js';
import { createRng, deriveSeed } from '../random/prng.js';
import { AgentModel, chooseTarget, conferenceCandidates, CustomerModel, transferCandidates } from '../behaviour/index.js';
import { agentIdOf, assetIdOf, engineConfigOf, setupCommands } from './world.js';
import { OFF_SHIFT, ShiftRoster, type StaffingChange } from './shift-roster.js';
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
  /** The customer's number (see Arrival.served). */
  customerKey: number;
  /** The first owner's plan has been drawn; later owners just work and end it. */
  planned: boolean;
}

interface Arrival {
  stream: CustomerModel;
  /** The engine's handle of the stream's channel asset. */
  asset: number;
  next: () => number;
  /**
   * Customers of the stream so far. Customer n of stream i (of S) is number
   * n * S + i to the engine (the lean port's numbered customers), read
   * `s<i>-<n>` where an id is shown, as the behaviour model names them
   * (CustomerModel.nextCustomerId): no string is made per arrival.
   */
  served: number;
}

interface Return {
  arrival: Arrival;
  customerKey: number;
}

const DAY_MS = 24 * 3600 * 1000;
/** engine.route times one routing call in this many. */
export const ROUTE_SAMPLE_EVERY = 8;
/** What simulated agents give as their wrap-up reason. */
const WRAP_UP_REASON = 'Resolved';

export function runScenario(scenario: Scenario, options: RunOptions = {}): RunOutcome {
  const seed = options.seed ?? scenario.seed;
  const wallStart = performance.now();
  const recorder = new RunRecorder({ warmupMs: scenario.warmupMs, serviceLevelThresholdMs: scenario.serviceLevelThresholdMs });
  // Quiet: no simulated person reads messages, notes or conference status, so the engine leaves them out.
  const engine = new Engine({ ...engineConfigOf(scenario), quiet: true, ...(options.mask ? { mask: timedMasker(options.mask, recorder) } : {}) });
  const view = engine.view;
  // The lean port: commands by handle and argument, events as rows of numbers (engine/lean.ts).
  const port = engine.lean();
  const ev = port.events;
  const queue = new EventQueue();
  const check = options.checkInvariants === true;
  const stopAtMs = scenario.durationMs + (options.maxDrainMs ?? DAY_MS);

  /** Each agent's behaviour model, by engine handle. */
  const models: AgentModel[] = [];
  /** 1 while the agent's shift is over (a RONA recovery then leaves it logged out), by engine handle. */
  let offShift = new Uint8Array(0);
  const streams = scenario.customers.map((spec, i) => new CustomerModel(spec, i, assetIdOf(spec.channel, spec.queue), createRng(deriveSeed(seed, 'customers', i))));
  const conversations = new IntMap<ConversationSim>();
  /** Records of conversations that ended, reused for new ones (one arrives first in its command, after any end). */
  const spareSims: ConversationSim[] = [];
  /** The stream whose customer is writing right now, so its `arrived` event finds its model. */
  let writingStream: CustomerModel | null = null;
  let writingCustomerKey = -1;

  /**
   * Virtual time in ms (clock[0]) and when the last planned accept is due
   * (clock[1]): doubles the closures share live in a typed array, since a
   * captured double would be boxed anew at every assignment.
   */
  const clock = new Float64Array(2);
  // The lean port reads the time of each call from its own cell.
  const portClock = port.clock;
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
   * engine.route records the wall-clock cost of the engine call alone (never
   * the recording, the models' reactions or the invariant check), for the
   * calls where routing decisions are made. By default one call in
   * ROUTE_SAMPLE_EVERY is timed (two clock reads and a histogram record cost
   * about as much as the routing), so engine.route's count is that share of
   * the routing calls; which calls is fixed, not drawn.
   */
  const sampleEvery = options.timing?.every ?? ROUTE_SAMPLE_EVERY;
  const stopAfterSamples = options.timing?.stopAfterSamples ?? Infinity;
  let routeCalls = 0;
  let routeSamples = 0;
  /** Before a routing call: its start time when this one is timed, else -1. */
  const routeStart = (): number => (++routeCalls % sampleEvery === 0 ? performance.now() : -1);
  const routeEnd = (t0: number): void => {
    if (t0 < 0) return;
    recorder.recordRouteNanos((performance.now() - t0) * 1e6);
    routeSamples++;
  };

  /**
   * After each engine call: its events, in order, to the recorder, the
   * interval series and the behaviour models (which plan what people do next).
   */
  const after = (what: string): void => {
    for (let i = 0; i < ev.count; i++) {
      recorder.recordRow(ev, i);
      intervals.recordRow(ev, i);
      react(i);
    }
    if (check) {
      const problems = checkEngineInvariants(engine);
      if (problems.length > 0) throw new Error(`engine invariants broken at ${clock[0]} ms after ${what}: ${problems.join('; ')}`);
    }
  };

  /** Any command, as an object: set-up, staffing (rare). */
  const run = (cmd: Command, timed: boolean): void => {
    const t0 = timed ? routeStart() : -1;
    port.execute(cmd);
    routeEnd(t0);
    if (cmd.type === 'setState') offShift[port.agentHandle(cmd.agentId)] = cmd.state === 'idle' && cmd.reason === OFF_SHIFT ? 1 : 0;
    after(cmd.type);
  };

  /**
   * The offer whose accept was planned last, and when. The engine asks for an
   * offer's expiry timer right after the offer (EventSink: offer, then
   * timer). A timer due no earlier than its offer's planned accept can only
   * find the offer gone (accepted then, or withdrawn before: the accept was
   * queued first, so it goes first at the same time), and a gone offer's
   * timer is skipped uncounted: such a timer is not queued at all. Nothing
   * else changes: no event, draw or count depends on it.
   */
  let acceptPlannedFor = -1;

  const react = (i: number): void => {
    switch (ev.types[i]) {
      case EV_TIMER: {
        const offerId = ev.offers[i]!;
        const atMs = ev.atMs[i]!;
        if (offerId !== acceptPlannedFor || clock[1] > atMs) queue.push(atMs, A.ENGINE_TIMER, offerId);
        break;
      }
      case EV_OFFER: {
        const agent = ev.agents[i]!;
        const delay = models[agent]!.acceptAfterMs();
        acceptPlannedFor = -1;
        if (delay >= 0) {
          acceptPlannedFor = ev.offers[i]!;
          clock[1] = clock[0] + delay;
          queue.push(clock[1], A.agentAction(A.ACCEPT, agent), acceptPlannedFor);
        }
        break;
      }
      case EV_AGENT_STATE:
        if (AGENT_STATE_CODES[ev.codes[i]!] === 'rona') {
          const agent = ev.agents[i]!;
          queue.push(clock[0] + models[agent]!.ronaRecoveryMs(), A.agentAction(A.SET_AVAILABLE, agent), 0);
        }
        break;
      case EV_ARRIVED: {
        const id = ev.conversations[i]!;
        let sim = spareSims.pop();
        if (sim === undefined) {
          sim = { stream: writingStream!, customerKey: writingCustomerKey, planned: false };
        } else {
          sim.stream = writingStream!;
          sim.customerKey = writingCustomerKey;
          sim.planned = false;
        }
        conversations.set(id, sim);
        const patience = sim.stream.patienceMs();
        if (patience >= 0) queue.push(clock[0] + patience, A.PATIENCE, id);
        break;
      }
      case EV_CONVERSATION:
        planConversation(ev.agents[i]!, ev.conversations[i]!, ev.codes[i] === ROLE_CONFERENCE);
        break;
      case EV_WRAP_UP_REQUIRED: {
        const agent = ev.agents[i]!;
        queue.push(clock[0] + models[agent]!.wrapUpMs(), A.agentAction(A.WRAP_UP, agent), ev.conversations[i]!);
        break;
      }
      case EV_CUSTOMER_ENDED:
      case EV_INTERRUPTED: {
        const agent = ev.agents[i]!;
        queue.push(clock[0] + models[agent]!.reactAfterMs(), A.agentAction(A.END, agent), ev.conversations[i]!);
        break;
      }
      case EV_SESSION_ENDED: {
        const sim = conversations.get(ev.conversations[i]!);
        if (sim !== undefined) {
          const backAfterMs = sim.stream.returnAfterMs();
          const atMs = clock[0] + backAfterMs;
          if (backAfterMs >= 0 && atMs < scenario.durationMs) queue.push(atMs, A.RETURN, { arrival: arrivals[sim.stream.index]!, customerKey: sim.customerKey } satisfies Return);
        }
        break;
      }
      case EV_ENDED: {
        const id = ev.conversations[i]!;
        const sim = conversations.get(id);
        if (sim !== undefined) {
          conversations.delete(id);
          spareSims.push(sim);
        }
        break;
      }
    }
  };

  const planConversation = (agent: number, conversationId: number, conference: boolean): void => {
    const sim = conversations.get(conversationId);
    if (sim === undefined) return;
    // The agent's turn, from the behaviour model (the same object each call: read at once).
    const turn = sim.stream.turn(conference ? 'conference' : 'owner', !conference && !sim.planned);
    if (!conference) sim.planned = true;
    const end = A.agentAction(A.END, agent);
    switch (turn.outcome) {
      case 'leaveConference':
        queue.push(clock[0] + turn.handleMs, A.LEAVE_CONFERENCE, conversationId);
        return;
      case 'transfer':
        queue.push(clock[0] + turn.midMs, A.agentAction(A.TRANSFER, agent), conversationId);
        return;
      case 'conference':
        queue.push(clock[0] + turn.midMs, A.agentAction(A.CONFERENCE, agent), conversationId);
        queue.push(clock[0] + turn.handleMs, end, conversationId);
        return;
      case 'customerEnds':
        queue.push(clock[0] + turn.midMs, A.CUSTOMER_END, conversationId);
        return;
      case 'sessionEnd':
        queue.push(clock[0] + turn.handleMs, A.agentAction(A.END_SESSION, agent), conversationId);
        queue.push(clock[0] + turn.handleMs, end, conversationId);
        return;
      case 'end':
        queue.push(clock[0] + turn.handleMs, end, conversationId);
        return;
    }
  };

  // The rare decisions read the conversation as a whole (a small object) and name agents by id.
  const transfer = (agent: number, conversationId: number): void => {
    const c = view.conversation(conversationId);
    if (c === undefined || c.ownerId !== port.agentId(agent)) return;
    const sim = conversations.get(conversationId)!;
    // The behaviour model's rule: the agent the queue's routing would pick, or another queue.
    const to = chooseTarget(transferCandidates(scenario.queues, c.queue, view.pickTarget(conversationId)), sim.stream.targetDraw());
    if (to === null) return;
    port.transfer(agent, conversationId, to.queue, to.agent);
    after('transfer');
  };

  const conference = (agent: number, conversationId: number): void => {
    const c = view.conversation(conversationId);
    if (c === undefined || c.ownerId !== port.agentId(agent) || c.state !== 'active') return;
    const sim = conversations.get(conversationId)!;
    // The behaviour model's rule: the agent the queue's routing would pick, or (where the channel allows it) the queue.
    const to = chooseTarget(conferenceCandidates(c.queue, c.conferenceToQueue, view.pickTarget(conversationId)), sim.stream.targetDraw());
    if (to === null) return;
    port.conference(agent, conversationId, to.queue, to.agent);
    after('conference');
  };

  const leaveConference = (conversationId: number): void => {
    const c = view.conversation(conversationId);
    if (c === undefined || c.conferenceStatus !== 'active' || c.ownerId === null || c.conferenceAgentId === null) return;
    const sim = conversations.get(conversationId)!;
    if (sim.stream.invitedLeaves()) {
      port.endConference(port.agentHandle(c.conferenceAgentId), conversationId);
      after('endConference');
      return;
    }
    // The first agent hands over: the invited agent keeps the chat and ends it later.
    const staying = port.agentHandle(c.conferenceAgentId);
    port.endConference(port.agentHandle(c.ownerId), conversationId);
    after('endConference');
    queue.push(clock[0] + sim.stream.handleMs(), A.agentAction(A.END, staying), conversationId);
  };

  // ---- set-up: assets, agents (logged in as their staffing says), arrival streams ----
  for (const cmd of setupCommands(scenario)) run(cmd, false);
  let agents = 0;
  for (const group of scenario.agents) {
    const model = new AgentModel(group, createRng(deriveSeed(seed, 'agents', group.group)));
    for (let i = 0; i < group.count; i++) models[port.agentHandle(agentIdOf(group.group, i))] = model;
    agents += group.count;
  }
  offShift = new Uint8Array(models.length);
  const staffedArea = staffedSlotTime(scenario, scenario.warmupMs, measureEndMs);
  for (const change of roster.changes()) {
    if (change.atMs === 0) for (const cmd of roster.apply(change)) run(cmd, false);
    else if (change.atMs < scenario.durationMs) queue.push(change.atMs, A.STAFFING, change);
  }
  const streamCount = streams.length;
  port.nameCustomers((key) => `s${key % streamCount}-${Math.floor(key / streamCount)}`);
  const arrivals: Arrival[] = streams.map((stream, i) => {
    const process = createArrivalProcess(stream.spec.arrivals, scenario.durationMs, createRng(deriveSeed(seed, 'arrivals', i)));
    return { stream, asset: port.assetHandle(stream.assetId), next: () => process.next(), served: 0 };
  });
  for (const arrival of arrivals) {
    const first = arrival.next();
    if (Number.isFinite(first)) queue.push(first, A.ARRIVAL, arrival);
  }

  const messages = scenario.messages === null ? null : createMessageGenerator(deriveSeed(seed, 'messages'), scenario.messages);
  const write = (arrival: Arrival, customerKey: number): void => {
    const stream = arrival.stream;
    writingStream = stream;
    writingCustomerKey = customerKey;
    const text = messages === null ? 'Hello, I need some help please' : messages.next().text;
    const channel = stream.spec.channel;
    const proactive = channel === 'livechat' && stream.proactive();
    const t0 = routeStart();
    port.customerMessageKeyed(arrival.asset, customerKey, text, channel === 'sms' || channel === 'whatsapp', proactive);
    routeEnd(t0);
    after('customerMessage');
    writingStream = null;
  };

  // ---- the event loop ----
  while (queue.pop()) {
    const t = queue.lastTime;
    if (t > stopAtMs || routeSamples >= stopAfterSamples) break;
    const kind = queue.lastKind;
    const action = A.actionOf(kind);
    const ref = queue.lastRef;
    // A RONA deadline whose offer was accepted or withdrawn is no event at all: skip it uncounted.
    if (action === A.ENGINE_TIMER && !view.offerPending(ref as number)) continue;
    if (t > heldSince && heldSince < measureEndMs) {
      const until = Math.min(t, measureEndMs);
      heldArea += view.heldSlots() * (until - heldSince);
      heldSince = until;
    }
    clock[0] = t;
    portClock[0] = t;
    if (t > slotTimeSince) {
      intervals.advance(clock, view.heldSlots(), roster.staffedSlots);
      sampler.sampleBefore(clock, view, roster.staffedSlots);
      slotTimeSince = t;
    }
    if ((++events & 0x1fff) === 0 && options.onProgress) options.onProgress(clock[0], events);
    switch (action) {
      case A.ARRIVAL: {
        const arrival = ref as Arrival;
        write(arrival, ++arrival.served * streamCount + arrival.stream.index);
        const next = arrival.next();
        if (Number.isFinite(next)) queue.push(next, A.ARRIVAL, arrival);
        break;
      }
      case A.ENGINE_TIMER: {
        const t0 = routeStart();
        port.timerFired(ref as number);
        routeEnd(t0);
        after('timerFired');
        break;
      }
      case A.ACCEPT:
        port.accept(A.agentOf(kind), ref as number);
        after('accept');
        break;
      case A.SET_AVAILABLE: {
        const agent = A.agentOf(kind);
        // An agent whose shift ended while it was in RONA stays logged out.
        if (offShift[agent] === 1) break;
        const t0 = routeStart();
        port.setState(agent, 'available');
        routeEnd(t0);
        after('setState');
        break;
      }
      case A.WRAP_UP: {
        const t0 = routeStart();
        port.wrapUp(A.agentOf(kind), ref as number, WRAP_UP_REASON);
        routeEnd(t0);
        after('wrapUp');
        break;
      }
      case A.END:
        port.end(A.agentOf(kind), ref as number);
        after('end');
        break;
      case A.END_SESSION:
        port.endSession(A.agentOf(kind), ref as number);
        after('endSession');
        break;
      case A.STAFFING:
        for (const cmd of roster.apply(ref as StaffingChange)) run(cmd, true);
        break;
      case A.PATIENCE: {
        const id = ref as number;
        const state = view.stateOf(id);
        // Patience runs from arrival until the first answer; a later wait (after a transfer) is not abandonment.
        if ((state === 'queued' || state === 'offered') && view.answeredAtMs(id) < 0) {
          port.abandon(id);
          after('abandon');
        }
        break;
      }
      case A.CUSTOMER_END:
        port.customerEnd(ref as number);
        after('customerEnd');
        break;
      case A.RETURN: {
        const r = ref as Return;
        write(r.arrival, r.customerKey);
        break;
      }
      case A.TRANSFER:
        transfer(A.agentOf(kind), ref as number);
        break;
      case A.CONFERENCE:
        conference(A.agentOf(kind), ref as number);
        break;
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
