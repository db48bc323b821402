// `cctwin load`: the real-time WebSocket load generator (load/README.md).
export { runLoad, LoadSetupError, type LoadOptions } from './load-run.js';
export type { LoadReport, StopReason } from './load-report.js';
export { renderLoadText } from './render-load-text.js';
export { scaleScenario, scaleDistribution } from './scale-scenario.js';
export { Scheduler, REAL_TIMERS, type Clock, type TimerHost, type Task } from './scheduler.js';
export { scheduleArrivals } from './arrivals.js';
export { LOAD_MEASURES, LATENCY_BASES, LOAD_UNIT, tagOf, type LoadMeasure, type LatencyBase, type LatencySummaries } from './load-histograms.js';
export type { Balance, BalanceCounts } from './balance.js';
export type { MaskingLeaks, LeakExample } from './leak-checker.js';
