// What every step of a run shares: the engine and its lean port, the event
// queue, virtual time, the recorder and interval series, the agents'
// behaviour models, the conversations in progress, and what happens after
// every engine call (its events to the recorder, the interval series and the
// reactions, then the invariant check when asked for).
import type { Scenario } from '../../scenarios/scenario.js';
import { checkEngineInvariants, Engine, type Command, type EngineView, type EventBuffer, type LeanPort } from '../../engine/index.js';
import { RunRecorder } from '../../reports/recorder.js';
import { IntervalSeries } from '../../reports/interval-series.js';
import { LadderQueue } from '../clock/ladder-queue.js';
import type { AgentModel } from '../behaviour/index.js';
import { engineConfigOf } from './world.js';
import { OFF_SHIFT, ShiftRoster } from './shift-roster.js';
import { RouteTimer, timedMasker } from './route-timer.js';
import { ConversationSims } from './conversation-sims.js';
import type { RunOptions } from './virtual-runner.js';

/** What reacts to each event row of an engine call (Reactions). */
export interface RowReader {
  react(i: number): void;
}

export class RunContext {
  readonly seed: number;
  readonly recorder: RunRecorder;
  readonly engine: Engine;
  readonly view: EngineView;
  /** The lean port: commands by handle and argument, events as rows of numbers (engine/lean.ts). */
  readonly port: LeanPort;
  /** The rows the last engine call wrote. */
  readonly ev: EventBuffer;
  /**
   * The pending actions. A ladder queue: same (time, push order) order as
   * the binary heap (EventQueue), so the same run, and O(1) per event where
   * the heap pays log n: large.yaml keeps ~26,000 actions pending
   * (bench/event-queue).
   */
  readonly queue = new LadderQueue();
  /**
   * Virtual time in ms (clock[0]): a typed-array cell, since a double
   * assigned to a field or passed to a call is boxed anew each time.
   */
  readonly clock = new Float64Array(1);
  readonly timer: RouteTimer;
  readonly intervals: IntervalSeries;
  readonly roster: ShiftRoster;
  readonly sims = new ConversationSims();
  /** Each agent's behaviour model, by engine handle. */
  readonly models: AgentModel[] = [];
  /** 1 while the agent's shift is over (a RONA recovery then leaves it logged out), by engine handle. */
  offShift = new Uint8Array(0);
  /** The reactions to each event row: set before the first engine call (they schedule on this context's queue). */
  rows!: RowReader;
  private readonly portClock: Float64Array;
  private readonly check: boolean;

  constructor(readonly scenario: Scenario, options: RunOptions) {
    this.seed = options.seed ?? scenario.seed;
    this.recorder = new RunRecorder({ warmupMs: scenario.warmupMs, serviceLevelThresholdMs: scenario.serviceLevelThresholdMs });
    // Quiet: no simulated person reads messages, notes or conference status, so the engine leaves them out.
    this.engine = new Engine({ ...engineConfigOf(scenario), quiet: true, ...(options.mask ? { mask: timedMasker(options.mask, this.recorder) } : {}) });
    this.view = this.engine.view;
    this.port = this.engine.lean();
    this.ev = this.port.events;
    this.portClock = this.port.clock;
    this.timer = new RouteTimer(this.recorder, options.timing);
    this.intervals = new IntervalSeries(scenario.intervalMs, scenario.durationMs, scenario.serviceLevelThresholdMs);
    this.roster = new ShiftRoster(scenario);
    this.check = options.checkInvariants === true;
  }

  /** The time of the event being handled: the runner's and the engine port's clocks. */
  setTime(t: number): void {
    this.clock[0] = t;
    this.portClock[0] = t;
  }

  /**
   * After each engine call: its events, in order, to the recorder, the
   * interval series and the behaviour models (which plan what people do next).
   */
  after(what: string): void {
    const ev = this.ev;
    for (let i = 0; i < ev.count; i++) {
      this.recorder.recordRow(ev, i);
      this.intervals.recordRow(ev, i);
      this.rows.react(i);
    }
    if (this.check) {
      const problems = checkEngineInvariants(this.engine);
      if (problems.length > 0) throw new Error(`engine invariants broken at ${this.clock[0]} ms after ${what}: ${problems.join('; ')}`);
    }
  }

  /** Any command, as an object: set-up, staffing (rare). `timed`: a routing call engine.route may time. */
  run(cmd: Command, timed: boolean): void {
    if (timed) this.timer.start();
    this.port.execute(cmd);
    if (timed) this.timer.end();
    if (cmd.type === 'setState') this.offShift[this.port.agentHandle(cmd.agentId)] = cmd.state === 'idle' && cmd.reason === OFF_SHIFT ? 1 : 0;
    this.after(cmd.type);
  }
}
