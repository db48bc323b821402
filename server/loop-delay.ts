// Event-loop delay of the current thread, from perf_hooks' sampler.
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import type { LoopDelay } from './host-snapshot.js';

export interface LoopDelayMonitor {
  read(): LoopDelay;
  stop(): void;
}

export function startLoopDelayMonitor(resolutionMs = 10): LoopDelayMonitor {
  const h: IntervalHistogram = monitorEventLoopDelay({ resolution: resolutionMs });
  h.enable();
  const ms = (ns: number): number => (Number.isFinite(ns) ? ns / 1e6 : 0);
  return {
    read: () => ({
      mean: ms(h.mean), p50: ms(h.percentile(50)), p90: ms(h.percentile(90)), p99: ms(h.percentile(99)), max: ms(h.max),
    }),
    stop: () => h.disable(),
  };
}
