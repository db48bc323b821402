// Seed derivation: one run seed, many independent streams. Each stream is
// named by labels (`deriveSeed(seed, 'agent', 17)`), so adding a draw to one
// stream never shifts the numbers another stream sees.
//
// The hash runs two murmur3-style lanes over 32-bit words and returns 53 bits,
// so thousands of derived streams stay collision-free (32 bits would collide
// at ~1% for 10k streams by the birthday bound).

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;
const TAG_STRING = 0x53545200;
const TAG_NUMBER = 0x4e554d00;

const view = new DataView(new ArrayBuffer(8));

// Module-level lanes: hashing is synchronous, and this keeps it allocation-free.
let laneA = 0;
let laneB = 0;

function mixWord(h: number, w: number): number {
  let k = Math.imul(w, C1);
  k = (k << 15) | (k >>> 17);
  h ^= Math.imul(k, C2);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function begin(salt: number): void {
  laneA = salt | 0;
  laneB = ~salt | 0;
}

function absorb(w: number): void {
  laneA = mixWord(laneA, w);
  // Lane B sees a rotated, offset word so the lanes do not move in lockstep.
  laneB = mixWord(laneB, ((w << 16) | (w >>> 16)) ^ 0x9e3779b9);
}

function absorbNumber(x: number): void {
  if (!Number.isFinite(x)) throw new RangeError(`seed material must be a finite number, got ${x}`);
  view.setFloat64(0, x === 0 ? 0 : x, true); // -0 and 0 are the same seed
  absorb(view.getUint32(0, true));
  absorb(view.getUint32(4, true));
}

function absorbString(s: string): void {
  absorb(s.length);
  for (let i = 0; i < s.length; i++) absorb(s.charCodeAt(i));
}

/** Final 53-bit value of the two lanes; each output bit depends on both lanes. */
function finish53(): number {
  const a = fmix32(laneA ^ Math.imul(laneB, 0x9e3779b1));
  const b = fmix32(laneB ^ Math.imul(a, 0x85ebca77));
  return (b & 0x1fffff) * 4294967296 + a;
}

/**
 * A seed for the stream named by `labels` under `seed`: an integer in [0, 2^53).
 * Order matters, and `1` differs from `'1'`, and `('ab')` from `('a', 'b')`.
 */
export function deriveSeed(seed: number, ...labels: (string | number)[]): number {
  begin(0x5eed);
  absorbNumber(seed);
  for (const label of labels) {
    if (typeof label === 'number') {
      absorb(TAG_NUMBER);
      absorbNumber(label);
    } else {
      absorb(TAG_STRING);
      absorbString(label);
    }
  }
  absorb(labels.length);
  return finish53();
}

/** Four state words for a generator, from any finite seed; never all zero. */
export function expandSeed(seed: number, out: Int32Array): void {
  for (let i = 0; i < out.length; i++) {
    begin(0x243f6a88 + i);
    absorbNumber(seed);
    out[i] = finish53() | 0;
  }
  if (out.every((w) => w === 0)) out[0] = 1;
}
