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
//
// The steps, one file each: run-context (what they share, and what follows
// every engine call), setup (the center at time 0), customer-arrivals,
// dispatch (an action into the engine), reactions (events into planned
// actions), agent-decisions (transfers, conferences), measures (slot-time,
// charts, occupancy), route-timer (engine.route and engine.mask).
import type { Scenario } from '../../scenarios/scenario.js';
import type { TextMasker } from '../../engine/index.js';
import type { RunRecorder } from '../../reports/recorder.js';
import type { IntervalTotals } from '../../reports/interval-series.js';
import type { TimeSeries } from '../../reports/report.js';
import { RunContext } from './run-context.js';
import { CustomerArrivals } from './customer-arrivals.js';
import { Reactions } from './reactions.js';
import { ActionDispatch } from './dispatch.js';
import { RunMeasures } from './measures.js';
import { setUpCenter } from './setup.js';
import type { RouteTiming } from './route-timer.js';

export { ROUTE_SAMPLE_EVERY, type RouteTiming } from './route-timer.js';

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
  onProgress?: (simulatedMs: number, events: number, recorder?: RunRecorder) => void;
  /** How engine.route is sampled; the default times one routing call in ROUTE_SAMPLE_EVERY. */
  timing?: RouteTiming;
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

const DAY_MS = 24 * 3600 * 1000;

export function runScenario(scenario: Scenario, options: RunOptions = {}): RunOutcome {
  const wallStart = performance.now();
  const ctx = new RunContext(scenario, options);
  const customers = new CustomerArrivals(ctx, scenario);
  ctx.rows = new Reactions(ctx, customers);
  const dispatch = new ActionDispatch(ctx, customers);
  const measures = new RunMeasures(ctx, scenario);
  const agents = setUpCenter(ctx, scenario, customers);

  const { queue, timer } = ctx;
  const stopAtMs = scenario.durationMs + (options.maxDrainMs ?? DAY_MS);
  const onProgress = options.onProgress;
  let events = 0;
  while (queue.pop()) {
    const t = queue.lastTime;
    if (t > stopAtMs || timer.done) break;
    const kind = queue.lastKind;
    const ref = queue.lastRef;
    if (dispatch.isStale(kind, ref)) continue;
    ctx.setTime(t);
    measures.advance();
    if ((++events & 0x1fff) === 0 && onProgress) onProgress(t, events, ctx.recorder);
    dispatch.run(kind, ref);
  }
  const { occupancy, intervals, timeSeries } = measures.finish();
  ctx.recorder.finish(ctx.view.openConversationIds());
  return {
    recorder: ctx.recorder, seed: ctx.seed, simulatedMs: ctx.clock[0]!, events, wallMs: performance.now() - wallStart, agents,
    occupancy, intervals, timeSeries,
  };
}
