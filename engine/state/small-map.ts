// A Map for the few entries one agent has at a time (pending offers,
// assignments). Two short arrays scanned in order: no hashing, and entries
// that come and go do not churn out hash tables for the collector the way a
// Map's do. Insertion-ordered, like Map, and read through the same members.
export class SmallMap<K, V> {
  private readonly ks: K[] = [];
  private readonly vs: V[] = [];

  get size(): number {
    return this.ks.length;
  }

  /** A plain loop: for a handful of keys it beats calling indexOf. */
  private indexOf(key: K): number {
    const ks = this.ks;
    for (let i = 0; i < ks.length; i++) if (ks[i] === key) return i;
    return -1;
  }

  get(key: K): V | undefined {
    const i = this.indexOf(key);
    return i < 0 ? undefined : this.vs[i];
  }

  has(key: K): boolean {
    return this.indexOf(key) >= 0;
  }

  set(key: K, value: V): this {
    const i = this.indexOf(key);
    if (i >= 0) {
      this.vs[i] = value;
    } else {
      this.ks.push(key);
      this.vs.push(value);
    }
    return this;
  }

  delete(key: K): boolean {
    const ks = this.ks;
    const vs = this.vs;
    const i = this.indexOf(key);
    if (i < 0) return false;
    for (let j = i + 1; j < ks.length; j++) {
      ks[j - 1] = ks[j]!;
      vs[j - 1] = vs[j]!;
    }
    ks.pop();
    vs.pop();
    return true;
  }

  /** A snapshot, so entries may be deleted while iterating. */
  values(): IterableIterator<V> {
    return this.vs.slice().values();
  }

  keys(): IterableIterator<K> {
    return this.ks.slice().values();
  }

  *entries(): IterableIterator<[K, V]> {
    const ks = this.ks.slice();
    const vs = this.vs.slice();
    for (let i = 0; i < ks.length; i++) yield [ks[i]!, vs[i]!];
  }

  [Symbol.iterator](): IterableIterator<[K, V]> {
    return this.entries();
  }
}
