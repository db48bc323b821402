// The seeded generator behind every random choice of a run: xoshiro128**
// (Blackman & Vigna) on 32-bit words. Same seed, same sequence, on any
// thread or platform. No allocation per draw.
import { deriveSeed, expandSeed } from './seed-hash.js';

export { deriveSeed };

export interface Rng {
  /** The seed this stream was created from, to print for a rerun (NaN if made from raw state). */
  readonly seed: number;
  /** Uniform in [0, 1), 53 bits. */
  next(): number;
  /** Uniform integer in [0, 2^32). */
  nextUint32(): number;
  /** Uniform integer in [0, n), unbiased; n a positive integer. */
  int(n: number): number;
  /** True with probability p (p <= 0: never; p >= 1: always). */
  chance(p: number): boolean;
  /** Standard normal. The spare of each pair is kept on this stream, never shared. */
  normal(): number;
}

const TWO_POW_32 = 4294967296;
const TWO_POW_26 = 67108864;
const TWO_POW_53 = 9007199254740992;

class Xoshiro128 implements Rng {
  readonly seed: number;
  // Plain int32 fields, not a typed array: V8 keeps them unboxed and the
  // draw loop measured faster this way.
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spare = 0;
  private hasSpare = false;

  constructor(seed: number, state: Int32Array) {
    this.seed = seed;
    this.s0 = state[0];
    this.s1 = state[1];
    this.s2 = state[2];
    this.s3 = state[3];
  }

  nextUint32(): number {
    const s1 = this.s1;
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9);
    const t = s1 << 9;
    const s2 = this.s2 ^ this.s0;
    const s3 = this.s3 ^ s1;
    this.s1 = s1 ^ s2;
    this.s0 = this.s0 ^ s3;
    this.s2 = s2 ^ t;
    this.s3 = (s3 << 11) | (s3 >>> 21);
    return result >>> 0;
  }

  next(): number {
    const hi = this.nextUint32() >>> 5;
    const lo = this.nextUint32() >>> 6;
    return (hi * TWO_POW_26 + lo) / TWO_POW_53;
  }

  int(n: number): number {
    if (!(n >= 1 && Number.isInteger(n))) throw new RangeError(`int(n) needs a positive integer, got ${n}`);
    if (n > TWO_POW_32) return Math.floor(this.next() * n);
    // Rejection keeps it exactly uniform: drop the top partial block of 2^32.
    const limit = TWO_POW_32 - (TWO_POW_32 % n);
    let x = this.nextUint32();
    while (x >= limit) x = this.nextUint32();
    return x % n;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    // Marsaglia polar method: two normals per accepted point in the unit disc.
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.next() - 1;
      v = 2 * this.next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * f;
    this.hasSpare = true;
    return u * f;
  }
}

/** A generator for `seed` (any finite number; use `deriveSeed` for sub-streams). */
export function createRng(seed: number): Rng {
  const state = new Int32Array(4);
  expandSeed(seed, state);
  return new Xoshiro128(seed, state);
}

/** A generator started from four raw state words (not all zero): for test vectors. */
export function createRngFromState(words: readonly [number, number, number, number]): Rng {
  const state = Int32Array.from(words);
  if (state.every((w) => w === 0)) throw new RangeError('xoshiro128** state must not be all zero');
  return new Xoshiro128(NaN, state);
}
