// What a run measures of the center over time, as virtual time moves on:
// slot-time held and staffed per reporting interval, the time series for the
// charts (sampled at a fixed step), and occupancy (held over staffed
// slot-time between warm-up and the end of arrivals). Held slots change only
// at events, so each figure is the area under a step function, added up
// whenever time advances.
import type { Scenario } from '../../scenarios/scenario.js';
import type { IntervalTotals } from '../../reports/interval-series.js';
import type { TimeSeries } from '../../reports/report.js';
import { TimeSeriesSampler } from './time-series-sampler.js';
import type { RunContext } from './run-context.js';

const HELD_SINCE = 0;
const HELD_AREA = 1;
const SLOT_TIME_SINCE = 2;

export class RunMeasures {
  private readonly sampler: TimeSeriesSampler;
  private readonly measureEndMs: number;
  private readonly staffedArea: number;
  /**
   * The held slot-time added up so far (HELD_AREA), complete up to
   * HELD_SINCE; the interval series and the sampler are complete up to
   * SLOT_TIME_SINCE. Cells rather than fields: a double stored into a field
   * at every event is boxed anew.
   */
  private readonly at = new Float64Array(3);

  constructor(private readonly ctx: RunContext, private readonly scenario: Scenario) {
    // Six samples an interval, and no more than 2,000 in all.
    this.sampler = new TimeSeriesSampler(Math.max(scenario.intervalMs / 6, scenario.durationMs / 2000), scenario.durationMs);
    this.measureEndMs = scenario.durationMs;
    this.at[HELD_SINCE] = scenario.warmupMs;
    this.staffedArea = staffedSlotTime(scenario, scenario.warmupMs, this.measureEndMs);
  }

  /** Time moves on to the next event's (in ctx.clock[0], already set): the state held since the last one is added up. */
  advance(): void {
    const { ctx, at } = this;
    const t = ctx.clock[0]!;
    const heldSince = at[HELD_SINCE]!;
    if (t > heldSince && heldSince < this.measureEndMs) {
      const until = Math.min(t, this.measureEndMs);
      at[HELD_AREA] += ctx.view.heldSlots() * (until - heldSince);
      at[HELD_SINCE] = until;
    }
    if (t > at[SLOT_TIME_SINCE]!) {
      ctx.intervals.advance(ctx.clock, ctx.view.heldSlots(), ctx.roster.staffedSlots);
      this.sampler.sampleBefore(ctx.clock, ctx.view, ctx.roster.staffedSlots);
      at[SLOT_TIME_SINCE] = t;
    }
  }

  /** The run stopped: what was held until the end of arrivals, and the figures. */
  finish(): { occupancy: number; intervals: IntervalTotals; timeSeries: TimeSeries } {
    const { ctx, scenario } = this;
    const view = ctx.view;
    const at = this.at;
    if (at[HELD_SINCE]! < this.measureEndMs) at[HELD_AREA] += view.heldSlots() * (this.measureEndMs - at[HELD_SINCE]!);
    if (at[SLOT_TIME_SINCE]! < scenario.durationMs) {
      ctx.intervals.addSlotTime(at[SLOT_TIME_SINCE]!, scenario.durationMs, view.heldSlots(), ctx.roster.staffedSlots);
      this.sampler.sampleUpTo(scenario.durationMs, view, ctx.roster.staffedSlots);
    }
    const windowMs = Math.max(0, this.measureEndMs - scenario.warmupMs);
    return {
      occupancy: this.staffedArea > 0 && windowMs > 0 ? at[HELD_AREA]! / this.staffedArea : 0,
      intervals: ctx.intervals.totals,
      timeSeries: this.sampler.series,
    };
  }
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
