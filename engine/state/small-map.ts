// A Map for the few entries one agent has at a time (pending offers,
// assignments). One short array of key, value, key, value… scanned in
// order: no hashing, entries that come and go do not churn out hash tables
// for the collector the way a Map's do, and a lookup touches one array (two
// parallel ones cost a second cache miss per lookup once agents number in
// the thousands). Insertion-ordered, like Map, and read through the same members.
export class SmallMap<K, V> {
  private readonly kv: (K | V)[] = [];

  get size(): number {
    return this.kv.length >> 1;
  }

  /** The index of the key in kv, or -1. A plain loop: for a handful of keys it beats indexOf. */
  private indexOf(key: K): number {
    const kv = this.kv;
    for (let i = 0; i < kv.length; i += 2) if (kv[i] === key) return i;
    return -1;
  }

  get(key: K): V | undefined {
    const i = this.indexOf(key);
    return i < 0 ? undefined : (this.kv[i + 1] as V);
  }

  has(key: K): boolean {
    return this.indexOf(key) >= 0;
  }

  set(key: K, value: V): this {
    const i = this.indexOf(key);
    if (i >= 0) {
      this.kv[i + 1] = value;
    } else {
      this.kv.push(key, value);
    }
    return this;
  }

  delete(key: K): boolean {
    const kv = this.kv;
    const i = this.indexOf(key);
    if (i < 0) return false;
    for (let j = i + 2; j < kv.length; j++) kv[j - 2] = kv[j]!;
    kv.pop();
    kv.pop();
    return true;
  }

  /** A snapshot, so entries may be deleted while iterating. */
  values(): IterableIterator<V> {
    const out: V[] = [];
    for (let i = 1; i < this.kv.length; i += 2) out.push(this.kv[i] as V);
    return out.values();
  }

  keys(): IterableIterator<K> {
    const out: K[] = [];
    for (let i = 0; i < this.kv.length; i += 2) out.push(this.kv[i] as K);
    return out.values();
  }

  *entries(): IterableIterator<[K, V]> {
    const kv = this.kv.slice();
    for (let i = 0; i < kv.length; i += 2) yield [kv[i] as K, kv[i + 1] as V];
  }

  [Symbol.iterator](): IterableIterator<[K, V]> {
    return this.entries();
  }
}
