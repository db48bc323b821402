// Small draws on the run's seeded stream.
import type { Rng } from '../random/prng.js';

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[rng.int(items.length)];
}

export function digitString(rng: Rng, count: number): string {
  let s = '';
  for (let k = 0; k < count; k++) s += String(rng.int(10));
  return s;
}

/** A digit string whose first digit is from..to. */
export function digitStringFrom(rng: Rng, count: number, from: number, to: number): string {
  return String(from + rng.int(to - from + 1)) + digitString(rng, count - 1);
}

/** Joins the chunks of `s` cut at the given sizes (the rest in a last chunk). */
export function groupDigits(s: string, sizes: readonly number[], sep: string): string {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) {
    if (at >= s.length) break;
    parts.push(s.slice(at, at + size));
    at += size;
  }
  if (at < s.length) parts.push(s.slice(at));
  return parts.join(sep);
}
