// Timing helpers. Throughput is the median of several timed passes over a
// corpus; latency is one HDR histogram of per-message times in nanoseconds.
import * as hdr from 'hdr-histogram-js';
import type { Masker } from '../../engine/masking/index.js';

export interface ThroughputRuns {
  mcharsPerSecondMedian: number;
  mcharsPerSecondRuns: number[];
}

export interface LatencySummary {
  unit: 'ns';
  count: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  p999: number;
  max: number;
}

// Keeps the masked output alive so no pass can be optimised away.
let sink = 0;

/**
 * Reads the last character of a masked text. That flattens a string built
 * by concatenation (V8 defers the copy otherwise), so every masker pays for
 * a finished string, as it would when the text goes into a frame.
 */
function finish(masked: string): number {
  return masked.length === 0 ? 0 : masked.charCodeAt(masked.length - 1);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function nowNs(): bigint {
  return process.hrtime.bigint();
}

export function timePassNs(masker: Masker, texts: readonly string[]): number {
  const t0 = nowNs();
  let len = 0;
  for (let k = 0; k < texts.length; k++) len += finish(masker.mask(texts[k]));
  const ns = Number(nowNs() - t0);
  sink ^= len;
  return ns;
}

const MIN_RUN_NS = 50e6;

/**
 * Median throughput of `runs` timed runs for each masker, the maskers taking
 * turns run by run so that noise from a shared machine hits them alike. A
 * run repeats the pass over the corpus until it lasts at least 50 ms.
 */
export function measureThroughputs(
  maskers: readonly Masker[], texts: readonly string[], chars: number, runs: number,
): ThroughputRuns[] {
  const passes = maskers.map((masker) => {
    timePassNs(masker, texts); // warm-up: let the JIT settle before timing
    return Math.max(1, Math.ceil(MIN_RUN_NS / timePassNs(masker, texts)));
  });
  const rates = maskers.map(() => [] as number[]);
  for (let r = 0; r < runs; r++) {
    maskers.forEach((masker, m) => {
      let ns = 0;
      for (let p = 0; p < passes[m]; p++) ns += timePassNs(masker, texts);
      rates[m].push(((chars * passes[m]) / ns) * 1000);
    });
  }
  return rates.map((r) => ({ mcharsPerSecondMedian: median(r), mcharsPerSecondRuns: r }));
}

/** Cost of reading the clock twice, included in every per-message time. */
export function timerOverheadNs(): number {
  const samples: number[] = [];
  for (let k = 0; k < 10001; k++) {
    const t0 = nowNs();
    samples.push(Number(nowNs() - t0));
  }
  return median(samples);
}

export function measureLatency(masker: Masker, texts: readonly string[]): LatencySummary {
  const histogram = hdr.build({ numberOfSignificantValueDigits: 3 });
  let len = 0;
  for (let k = 0; k < texts.length; k++) {
    const t0 = nowNs();
    len += finish(masker.mask(texts[k]));
    histogram.recordValue(Number(nowNs() - t0));
  }
  sink ^= len;
  const summary: LatencySummary = {
    unit: 'ns',
    count: histogram.totalCount,
    mean: Math.round(histogram.mean),
    p50: histogram.getValueAtPercentile(50),
    p90: histogram.getValueAtPercentile(90),
    p99: histogram.getValueAtPercentile(99),
    p999: histogram.getValueAtPercentile(99.9),
    max: histogram.maxValue,
  };
  histogram.destroy();
  return summary;
}

/** The value the timing loops kept alive (reported so it is observably used). */
export function checksum(): number {
  return sink;
}
