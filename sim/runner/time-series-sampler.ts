// Samples the center at a fixed step of simulated time for the report's
// charts: queue length, slots held and staffed, agents per state. Reads the
// engine's state (as a supervisor's wallboard would), changes nothing.
import type { EngineCore } from '../../engine/core.js';
import type { TimeSeries } from '../../reports/report.js';

export class TimeSeriesSampler {
  readonly series: TimeSeries;
  private nextAtMs = 0;

  constructor(readonly stepMs: number, private readonly endMs: number) {
    this.series = { stepSeconds: stepMs / 1000, queueLength: [], heldSlots: [], staffedSlots: [], agents: { available: [], engaged: [], idle: [], rona: [] } };
  }

  /** Take every sample due before `nowMs`: the state has not changed since the last event, which came before. */
  sampleUpTo(nowMs: number, core: EngineCore, staffedSlots: number): void {
    while (this.nextAtMs < nowMs && this.nextAtMs < this.endMs) {
      this.take(core, staffedSlots);
      this.nextAtMs += this.stepMs;
    }
  }

  private take(core: EngineCore, staffedSlots: number): void {
    let waiting = 0;
    for (const q of core.queues.values()) waiting += q.waiting.size;
    let available = 0;
    let engaged = 0;
    let idle = 0;
    let rona = 0;
    for (const a of core.agents.values()) {
      if (a.state === 'rona') rona++;
      else if (a.state === 'idle') idle++;
      else if (a.load > 0) engaged++;
      else available++;
    }
    const s = this.series;
    s.queueLength.push(waiting);
    s.heldSlots.push(core.heldSlots);
    s.staffedSlots.push(staffedSlots);
    s.agents.available.push(available);
    s.agents.engaged.push(engaged);
    s.agents.idle.push(idle);
    s.agents.rona.push(rona);
  }
}
