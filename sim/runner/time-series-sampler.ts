// Samples the center at a fixed step of simulated time for the report's
// charts: queue length, slots held and staffed, agents per state. Reads the
// engine's state (as a supervisor's wallboard would), changes nothing.
import { emptyAgentCounts, type EngineView } from '../../engine/index.js';
import type { TimeSeries } from '../../reports/report.js';

export class TimeSeriesSampler {
  readonly series: TimeSeries;
  private nextAtMs = 0;
  private readonly counts = emptyAgentCounts();

  constructor(readonly stepMs: number, private readonly endMs: number) {
    this.series = { stepSeconds: stepMs / 1000, queueLength: [], heldSlots: [], staffedSlots: [], agents: { available: [], engaged: [], idle: [], rona: [] } };
  }

  /** sampleUpTo the time in cell[0] (a Float64Array: no double boxed per call). */
  sampleBefore(cell: Float64Array, view: EngineView, staffedSlots: number): void {
    const nowMs = cell[0]!;
    if (this.nextAtMs < nowMs && this.nextAtMs < this.endMs) this.sampleUpTo(nowMs, view, staffedSlots);
  }

  /** Take every sample due before `nowMs`: the state has not changed since the last event, which came before. */
  sampleUpTo(nowMs: number, view: EngineView, staffedSlots: number): void {
    while (this.nextAtMs < nowMs && this.nextAtMs < this.endMs) {
      this.take(view, staffedSlots);
      this.nextAtMs += this.stepMs;
    }
  }

  private take(view: EngineView, staffedSlots: number): void {
    const n = view.countAgents(this.counts);
    const s = this.series;
    s.queueLength.push(view.waitingTotal());
    s.heldSlots.push(view.heldSlots());
    s.staffedSlots.push(staffedSlots);
    s.agents.available.push(n.available);
    s.agents.engaged.push(n.engaged);
    s.agents.idle.push(n.idle);
    s.agents.rona.push(n.rona);
  }
}
