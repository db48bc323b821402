// A Map for whole-number keys (conversation and offer ids): open addressing
// with linear probing over a typed array of keys, at most half full, and
// deletion by shifting back (no tombstones). Ids grow one by one and the
// live ones form a moving window; probes are rare. Setting and deleting allocate nothing
// once the table has grown to the largest number of live keys; a V8 Map
// rehashes into new tables as deleted entries pile up, and hashes every key.
// A key's home slot is its Fibonacci hash (the key times 2^32/phi, top
// bits): consecutive ids spread evenly, and so do keys in any stride.
// Iteration (rare: views, tests) gives the keys in ascending order, which
// for ids handed out one by one is the order they were set in, as a Map's.
const EMPTY = -1;

export class IntMap<V> {
  private keysOf: Float64Array;
  private valuesOf: (V | undefined)[];
  private mask: number;
  /** 32 - log2(table size): the hash keeps the top bits. */
  private shift: number;
  private count = 0;

  constructor(capacity = 64) {
    let cap = 16;
    while (cap < capacity * 2) cap *= 2;
    this.keysOf = new Float64Array(cap).fill(EMPTY);
    this.valuesOf = new Array<V | undefined>(cap).fill(undefined);
    this.mask = cap - 1;
    this.shift = 32 - Math.log2(cap);
  }

  /** The home slot of a key. */
  private home(key: number): number {
    return Math.imul(key | 0, 0x9e3779b1) >>> this.shift;
  }

  get size(): number {
    return this.count;
  }

  /** The slot holding `key`, or -1. Keys are whole numbers >= 0. */
  private find(key: number): number {
    const keys = this.keysOf;
    const mask = this.mask;
    let i = this.home(key);
    for (;;) {
      const k = keys[i];
      if (k === key) return i;
      if (k === EMPTY) return -1;
      i = (i + 1) & mask;
    }
  }

  get(key: number): V | undefined {
    const i = this.find(key);
    return i < 0 ? undefined : this.valuesOf[i];
  }

  has(key: number): boolean {
    return this.find(key) >= 0;
  }

  set(key: number, value: V): this {
    if (!(key >= 0 && Number.isInteger(key))) throw new RangeError(`IntMap keys are whole numbers >= 0, not ${key}`);
    const keys = this.keysOf;
    const mask = this.mask;
    let i = this.home(key);
    for (;;) {
      const k = keys[i];
      if (k === key) {
        this.valuesOf[i] = value;
        return this;
      }
      if (k === EMPTY) break;
      i = (i + 1) & mask;
    }
    keys[i] = key;
    this.valuesOf[i] = value;
    if (++this.count * 2 > keys.length) this.grow();
    return this;
  }

  delete(key: number): boolean {
    let i = this.find(key);
    if (i < 0) return false;
    const keys = this.keysOf;
    const values = this.valuesOf;
    const mask = this.mask;
    // Shift back the entries after the hole that probed past it.
    let j = i;
    for (;;) {
      j = (j + 1) & mask;
      const k = keys[j];
      if (k === EMPTY) break;
      const home = this.home(k);
      // Move k into the hole unless its home lies cyclically in (i, j].
      if (i <= j ? home <= i || home > j : home <= i && home > j) {
        keys[i] = k;
        values[i] = values[j];
        i = j;
      }
    }
    keys[i] = EMPTY;
    values[i] = undefined;
    this.count--;
    return true;
  }

  clear(): void {
    this.keysOf.fill(EMPTY);
    this.valuesOf.fill(undefined);
    this.count = 0;
  }

  private grow(): void {
    const oldKeys = this.keysOf;
    const oldValues = this.valuesOf;
    const cap = oldKeys.length * 2;
    this.keysOf = new Float64Array(cap).fill(EMPTY);
    this.valuesOf = new Array<V | undefined>(cap).fill(undefined);
    this.mask = cap - 1;
    this.shift = 32 - Math.log2(cap);
    this.count = 0;
    for (let i = 0; i < oldKeys.length; i++) if (oldKeys[i] !== EMPTY) this.set(oldKeys[i]!, oldValues[i] as V);
  }

  /** The keys in ascending order (a snapshot: the map may change while it is read). */
  keys(): IterableIterator<number> {
    return this.sortedKeys().values();
  }

  /** The values in ascending order of their keys (a snapshot). */
  values(): IterableIterator<V> {
    return this.sortedKeys().map((k) => this.get(k)!).values();
  }

  entries(): IterableIterator<[number, V]> {
    return this.sortedKeys().map((k): [number, V] => [k, this.get(k)!]).values();
  }

  [Symbol.iterator](): IterableIterator<[number, V]> {
    return this.entries();
  }

  private sortedKeys(): number[] {
    const out: number[] = [];
    const keys = this.keysOf;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== EMPTY) out.push(keys[i]!);
    return out.sort((a, b) => a - b);
  }
}
