// Linear time, shown: each adversarial input masked at half size and full
// size; a linear masker takes about twice as long for twice the input. The
// baseline runs at small sizes only: it is quadratic on several of these.
import { maskText, type Masker } from '../../engine/masking/index.js';
import type { AdversarialInput } from './corpora.js';
import { median, timePassNs } from './measure.js';

export interface AdversarialResult {
  name: string;
  unit: string;
  chars: number;
  mcharsPerSecond: number;
  /** Time at full size over time at half size: about 2 when linear. */
  scaling: number;
  baseline: { chars: number; ms: number; scaling: number };
}

const MIN_TIMED_NS = 20e6;

/** Median time of one pass, each timing repeated until it lasts 20 ms. */
function medianNs(masker: Masker, text: string, runs: number): number {
  const once = timePassNs(masker, [text]);
  const repeats = Math.max(1, Math.ceil(MIN_TIMED_NS / Math.max(once, 1)));
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    let ns = 0;
    for (let k = 0; k < repeats; k++) ns += timePassNs(masker, [text]);
    times.push(ns / repeats);
  }
  return median(times);
}

export function measureAdversarial(
  input: AdversarialInput, chars: number, baselineChars: number, baseline: Masker, runs: number,
): AdversarialResult {
  const core: Masker = { mask: maskText };
  const full = input.build(chars);
  const half = input.build(chars / 2);
  medianNs(core, half, 1); // warm-up
  const fullNs = medianNs(core, full, runs);
  const halfNs = medianNs(core, half, runs);
  const baseFull = input.build(baselineChars);
  const baseHalf = input.build(baselineChars / 2);
  const baseFullNs = medianNs(baseline, baseFull, runs);
  const baseHalfNs = medianNs(baseline, baseHalf, runs);
  return {
    name: input.name,
    unit: input.unit,
    chars,
    mcharsPerSecond: (chars / fullNs) * 1000,
    scaling: fullNs / halfNs,
    baseline: { chars: baselineChars, ms: baseFullNs / 1e6, scaling: baseFullNs / baseHalfNs },
  };
}
