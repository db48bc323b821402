// Latency histograms: a thin layer over hdr-histogram-js.
//
// The pure-JS build is used, not WebAssembly. WASM loads synchronously and
// records about 5x faster (measured: ~65 M vs ~11 M records/s), but every WASM
// histogram must be freed by hand with destroy(): 2000 undestroyed ones grew
// RSS by ~140 MB against ~14 MB for JS. Histograms here are plain values
// handed between the sim, workers and reports, so the JS build's GC wins;
// 11 M records/s is far above what a run records.
//
// Every figure in a summary is derived from the counts alone (max is the
// highest value equivalent to the largest count, as HdrHistogram's Java
// getMaxValue does), so a histogram decoded from its encoding, or merged from
// shards, summarizes exactly like the one that recorded everything.
import {
  Float64Histogram,
  decodeFromCompressedBase64,
  encodeIntoCompressedBase64,
  type JsHistogram,
} from 'hdr-histogram-js';

import type { TimeUnit } from './time-unit.js';

export type { TimeUnit };

export interface LatencyHistogram {
  readonly unit: TimeUnit;
  readonly hdr: JsHistogram;
}

/**
 * count 0 gives every other figure 0 (not null), so consumers always read
 * numbers; look at `count` to tell "no data" from "all zero".
 */
export interface HistogramSummary {
  count: number;
  mean: number;
  min: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  p999: number;
  max: number;
  unit: TimeUnit;
}

const SIGNIFICANT_DIGITS = 3;
// Initial range only: histograms auto-resize for larger values.
const HIGHEST_TRACKABLE: Record<TimeUnit, number> = {
  ms: 24 * 3600 * 1000, // one day
  ns: 1000 * 1000 * 1000, // one second
  us: 60 * 1000 * 1000, // one minute
};

function newHdr(unit: TimeUnit): JsHistogram {
  // 64-bit counts: 32-bit buckets would wrap silently past 2^31 in one bucket.
  const hdr = new Float64Histogram(1, HIGHEST_TRACKABLE[unit], SIGNIFICANT_DIGITS);
  hdr.autoResize = true;
  return hdr;
}

export function createLatencyHistogram(unit: TimeUnit): LatencyHistogram {
  return { unit, hdr: newHdr(unit) };
}

/** Records `value` (in the histogram's unit) rounded to a whole unit. */
export function recordValue(h: LatencyHistogram, value: number): void {
  if (!(value >= 0) || !Number.isFinite(value)) {
    throw new RangeError(`latency must be a finite number >= 0, got ${value}`);
  }
  h.hdr.recordValue(Math.round(value));
}

/** The percentiles a summary gives, in ascending order (0 is the minimum). */
const PERCENTILES = [0, 50, 90, 95, 99, 99.9] as const;

/**
 * One pass over the counts for the mean and every percentile. hdr's own
 * `mean` walks an iterator that builds an object per recorded value, and
 * each getValueAtPercentile walks the counts again: seven walks of some
 * 20,000 buckets per histogram. The figures are computed as hdr computes
 * them (same sums in the same order, same rounding of the percentile's
 * count), so they are identical.
 */
export function summarize(h: LatencyHistogram): HistogramSummary {
  const hdr = h.hdr;
  const count = hdr.totalCount;
  if (count === 0) {
    return { count: 0, mean: 0, min: 0, p50: 0, p90: 0, p95: 0, p99: 0, p999: 0, max: 0, unit: h.unit };
  }
  const at = PERCENTILES.map(() => 0);
  let next = 0;
  let target = countAtPercentile(PERCENTILES[0], count);
  let seen = 0;
  let total = 0;
  for (let i = 0; i < hdr.countsArrayLength; i++) {
    const c = hdr.getCountAtIndex(i);
    if (c === 0) continue;
    const value = hdr.valueFromIndex(i);
    total += hdr.medianEquivalentValue(hdr.highestEquivalentValue(value)) * c;
    seen += c;
    while (next < PERCENTILES.length && seen >= target) {
      at[next] = PERCENTILES[next] === 0 ? hdr.lowestEquivalentValue(value) : hdr.highestEquivalentValue(value);
      next++;
      if (next < PERCENTILES.length) target = countAtPercentile(PERCENTILES[next]!, count);
    }
  }
  return {
    count,
    mean: round3(total / count),
    min: at[0]!,
    p50: at[1]!,
    p90: at[2]!,
    p95: at[3]!,
    p99: at[4]!,
    p999: at[5]!,
    max: hdr.highestEquivalentValue(hdr.maxValue),
    unit: h.unit,
  };
}

/** The count a percentile reaches, rounded up as getValueAtPercentile rounds it (less one ulp of slack, at least 1). */
function countAtPercentile(percentile: number, totalCount: number): number {
  const fp = (Math.min(percentile, 100) / 100) * totalCount;
  return Math.max(Math.ceil(fp - ulp(fp)), 1);
}

/** hdr-histogram-js's ulp (its own rounding helper, not exported from the package's index). */
function ulp(x: number): number {
  return Math.pow(2, Math.floor(Math.log2(x)) - 52);
}

/** HdrHistogram's standard compressed base64 (V2): other HdrHistogram tools can read it. */
export function encodeHistogram(h: LatencyHistogram): string {
  return encodeIntoCompressedBase64(h.hdr);
}

/** The encoding does not carry the unit, so the caller names it. */
export function decodeHistogram(encoded: string, unit: TimeUnit): LatencyHistogram {
  const hdr = decodeFromCompressedBase64(encoded, 64, false) as JsHistogram;
  hdr.autoResize = true;
  return { unit, hdr };
}

/** Adds every count of `source` into `target`; `source` is unchanged. */
export function mergeInto(target: LatencyHistogram, source: LatencyHistogram): void {
  if (target.unit !== source.unit) {
    throw new Error(`cannot merge a histogram in ${source.unit} into one in ${target.unit}`);
  }
  target.hdr.add(source.hdr);
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
