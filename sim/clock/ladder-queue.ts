// A ladder queue (W. T. Tang, R. S. M. Goh, I. L.-J. Thng, "Ladder queue: an
// O(1) priority queue structure for large-scale discrete event simulation",
// ACM TOMACS 15(3), 2005), with the API of sim/clock/event-queue.ts's binary
// heap: push(time, kind, ref) returns a sequence number, pop() leaves the
// event in lastTime/lastKind/lastRef/lastSeq, events at the same time pop in
// the order they were pushed.
//
// Three tiers of singly linked lists over one pool of entries in typed arrays:
// - Top: far-future events, unsorted (t >= topStart);
// - rungs: buckets of decreasing width, unsorted; each rung covers one bucket
//   of the rung above, and a rung's `cur` marks its first bucket not yet
//   taken down;
// - Bottom: the few earliest events, sorted by (time, sequence).
// pop() takes Bottom's head; an empty Bottom takes the lowest rung's next
// bucket down: sorted into Bottom when it holds at most THRESHOLD events,
// spread over a new finer rung otherwise; an empty ladder spreads Top over a
// first rung. Each event is moved a few times at most, and never compared
// with more than THRESHOLD others: no log n.
import { grown } from './grown.js';

const NONE = -1;
const THRESHOLD = 50;
const MAX_RUNGS = 8;

interface Rung {
  heads: Int32Array;
  counts: Int32Array;
  buckets: number;
  start: number;
  width: number;
  cur: number;
}

export class LadderQueue<R = unknown> {
  private times: Float64Array;
  private seqs: Float64Array;
  private kinds: Int32Array;
  private next: Int32Array;
  private refs: (R | undefined)[];
  private freeHead = NONE;
  private used = 0;

  private top = NONE;
  private topCount = 0;
  private topMin = Infinity;
  private topMax = -Infinity;
  private topStart = -Infinity;
  private readonly rungs: Rung[] = [];
  private nRungs = 0;
  private bottom = NONE;
  private bottomCount = 0;

  private count = 0;
  private nextSeq = 0;
  private scratch = new Int32Array(THRESHOLD * 4);
  private readonly cell = new Float64Array(1);

  lastTime = 0;
  lastKind = 0;
  lastRef: R = undefined as R;
  lastSeq = -1;

  constructor(initialCapacity = 1024) {
    const cap = Math.max(16, Math.floor(initialCapacity));
    this.times = new Float64Array(cap);
    this.seqs = new Float64Array(cap);
    this.kinds = new Int32Array(cap);
    this.next = new Int32Array(cap);
    this.refs = new Array<R | undefined>(cap).fill(undefined);
    for (let i = 0; i < MAX_RUNGS; i++) this.rungs.push({ heads: new Int32Array(0), counts: new Int32Array(0), buckets: 0, start: 0, width: 1, cur: 0 });
  }

  get size(): number {
    return this.count;
  }

  push(timeMs: number, kind: number, ref: R): number {
    this.cell[0] = timeMs;
    return this.pushAt(this.cell, kind, ref);
  }

  /**
   * push(cell[0], kind, ref): the time read from a Float64Array cell, as
   * EventQueue.pushAt (a fractional time passed to a call that is not
   * inlined is boxed into a new heap number).
   */
  pushAt(cell: Float64Array, kind: number, ref: R): number {
    if (cell[0] !== cell[0]) throw new RangeError('event time is NaN');
    const seq = this.nextSeq++;
    const e = this.alloc();
    this.times[e] = cell[0]!;
    this.seqs[e] = seq;
    this.kinds[e] = kind;
    this.refs[e] = ref;
    this.count++;
    this.place(e);
    return seq;
  }

  pop(): boolean {
    if (this.count === 0) return false;
    if (this.bottom === NONE) this.refill();
    const e = this.bottom;
    this.bottom = this.next[e]!;
    this.bottomCount--;
    this.count--;
    this.lastTime = this.times[e]!;
    this.lastSeq = this.seqs[e]!;
    this.lastKind = this.kinds[e]!;
    this.lastRef = this.refs[e] as R;
    this.release(e);
    return true;
  }

  peekTime(): number {
    if (this.count === 0) return Infinity;
    if (this.bottom === NONE) this.refill();
    return this.times[this.bottom]!;
  }

  clear(): void {
    while (this.pop());
  }

  /** Where a new event goes: Top, the first rung whose unsorted part covers it, or Bottom. Its time is read here, not passed (see pushAt). */
  private place(e: number): void {
    const t = this.times[e]!;
    if (t >= this.topStart) {
      this.next[e] = this.top;
      this.top = e;
      this.topCount++;
      if (t < this.topMin) this.topMin = t;
      if (t > this.topMax) this.topMax = t;
      return;
    }
    for (let i = 0; i < this.nRungs; i++) {
      const r = this.rungs[i]!;
      if (r.cur < r.buckets && t >= r.start + r.cur * r.width) {
        this.intoBucket(r, e);
        return;
      }
    }
    this.intoBottom(e);
    if (this.bottomCount > 2 * THRESHOLD && this.nRungs < MAX_RUNGS) this.bottomToRung();
  }

  private intoBucket(r: Rung, e: number): void {
    const t = this.times[e]!;
    let b = Math.floor((t - r.start) / r.width);
    if (b < r.cur) b = r.cur;
    else if (b >= r.buckets) b = r.buckets - 1;
    this.next[e] = r.heads[b]!;
    r.heads[b] = e;
    r.counts[b]!++;
  }

  /** Sorted insert: after every entry at or before its (time, sequence). */
  private intoBottom(e: number): void {
    const times = this.times;
    const seqs = this.seqs;
    const next = this.next;
    const t = times[e]!;
    const s = seqs[e]!;
    this.bottomCount++;
    let h = this.bottom;
    if (h === NONE || t < times[h]! || (t === times[h] && s < seqs[h]!)) {
      next[e] = h;
      this.bottom = e;
      return;
    }
    for (;;) {
      const nx = next[h]!;
      if (nx === NONE || t < times[nx]! || (t === times[nx] && s < seqs[nx]!)) break;
      h = nx;
    }
    next[e] = next[h]!;
    next[h] = e;
  }

  /** Bottom grew past twice the threshold: spread it over a new rung below the lowest. */
  private bottomToRung(): void {
    const lo = this.times[this.bottom]!;
    const hi = this.nRungs === 0 ? this.topStart : this.rungStart(this.rungs[this.nRungs - 1]!);
    if (!(hi > lo)) return;
    const list = this.bottom;
    const n = this.bottomCount;
    this.bottom = NONE;
    this.bottomCount = 0;
    this.spread(list, n, lo, (hi - lo) / n);
  }

  private rungStart(r: Rung): number {
    return r.start + r.cur * r.width;
  }

  /** A new lowest rung of n buckets of `width` from `start`, holding the list. */
  private spread(list: number, n: number, start: number, width: number): void {
    const r = this.rungs[this.nRungs++]!;
    const buckets = Math.max(1, n);
    if (r.heads.length < buckets) {
      r.heads = new Int32Array(Math.max(buckets, 2 * r.heads.length));
      r.counts = new Int32Array(r.heads.length);
    }
    r.heads.fill(NONE, 0, buckets);
    r.counts.fill(0, 0, buckets);
    r.buckets = buckets;
    r.start = start;
    r.width = width;
    r.cur = 0;
    for (let e = list; e !== NONE;) {
      const nx = this.next[e]!;
      this.intoBucket(r, e);
      e = nx;
    }
  }

  /** Bottom is empty: bring the next events down into it. */
  private refill(): void {
    for (;;) {
      if (this.nRungs === 0) {
        // Spread Top over a first rung; later events at or past its max stay in Top.
        const n = this.topCount;
        const lo = this.topMin;
        const hi = this.topMax;
        const list = this.top;
        this.top = NONE;
        this.topCount = 0;
        this.topMin = Infinity;
        this.topMax = -Infinity;
        this.topStart = hi;
        if (n <= THRESHOLD || !(hi > lo)) {
          this.sortIntoBottom(list, n);
          return;
        }
        this.spread(list, n, lo, (hi - lo) / n);
      }
      const r = this.rungs[this.nRungs - 1]!;
      while (r.cur < r.buckets && r.counts[r.cur] === 0) r.cur++;
      if (r.cur === r.buckets) {
        this.nRungs--;
        continue;
      }
      const b = r.cur++;
      const list = r.heads[b]!;
      const n = r.counts[b]!;
      r.heads[b] = NONE;
      r.counts[b] = 0;
      const lo = r.start + b * r.width;
      if (n <= THRESHOLD || this.nRungs === MAX_RUNGS || r.width / n === 0) {
        this.sortIntoBottom(list, n);
        return;
      }
      this.spread(list, n, lo, r.width / n);
    }
  }

  /** Bottom (empty) becomes the list's n entries sorted by (time, sequence). */
  private sortIntoBottom(list: number, n: number): void {
    if (this.scratch.length < n) this.scratch = new Int32Array(2 * n);
    const a = this.scratch;
    const times = this.times;
    const seqs = this.seqs;
    let k = 0;
    for (let e = list; e !== NONE; e = this.next[e]!) a[k++] = e;
    if (k > 2 * THRESHOLD) {
      // A bucket of equal times, or the last rung's: no insertion sort on it.
      const sorted = Array.from(a.subarray(0, k)).sort((x, y) => times[x]! - times[y]! || seqs[x]! - seqs[y]!);
      a.set(sorted);
    }
    // Insertion sort: n is at most THRESHOLD (and already sorted above when more).
    for (let i = 1; i < k; i++) {
      const e = a[i]!;
      const t = times[e]!;
      const s = seqs[e]!;
      let j = i - 1;
      while (j >= 0 && (times[a[j]!]! > t || (times[a[j]!] === t && seqs[a[j]!]! > s))) {
        a[j + 1] = a[j]!;
        j--;
      }
      a[j + 1] = e;
    }
    let head = NONE;
    for (let i = k - 1; i >= 0; i--) {
      this.next[a[i]!] = head;
      head = a[i]!;
    }
    this.bottom = head;
    this.bottomCount = k;
  }

  private alloc(): number {
    if (this.freeHead !== NONE) {
      const e = this.freeHead;
      this.freeHead = this.next[e]!;
      return e;
    }
    if (this.used === this.times.length) this.growPool();
    return this.used++;
  }

  private release(e: number): void {
    this.refs[e] = undefined;
    this.next[e] = this.freeHead;
    this.freeHead = e;
  }

  private growPool(): void {
    const cap = this.times.length * 2;
    this.times = grown(this.times, cap);
    this.seqs = grown(this.seqs, cap);
    this.kinds = grown(this.kinds, cap);
    this.next = grown(this.next, cap);
    for (let i = this.refs.length; i < cap; i++) this.refs.push(undefined);
  }
}
