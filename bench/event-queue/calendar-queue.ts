// A calendar queue (R. Brown, "Calendar queues: a fast O(1) priority queue
// implementation for the simulation event set problem", CACM 31(10), 1988),
// with the API of sim/clock/event-queue.ts's binary heap, so the two can be
// swapped: push(time, kind, ref) returns a sequence number, pop() leaves the
// event in lastTime/lastKind/lastRef/lastSeq, events at the same time pop in
// the order they were pushed.
//
// Events live in a pool of parallel typed arrays (time, sequence, kind, next)
// plus an array of refs, linked into `buckets` day lists kept sorted by
// (time, sequence). An event at time t goes to day floor(t / width), bucket
// day mod buckets. pop() walks the days from the current one; a bucket whose
// head falls in the day being looked at holds the earliest event. After a
// whole year of empty days it looks for the earliest head directly.
//
// The number of buckets doubles when the queue holds more than 2 events per
// bucket and halves below 1/2; each resize picks the day width afresh as
// 3 x the mean gap between the earliest events, estimated from a sample of
// 512 pending times (Brown's rule, on a sample instead of dequeuing 25).
// Nothing is allocated per push or pop; the pool grows by doubling.
// Weak spot, as in Brown's design: many events at one time share a day, and
// each push walks that day's sorted list (quadratic for 10^5 at one instant).
// The ladder queue beside it has no such case.

const NONE = -1;
const SAMPLE = 512;

export class CalendarQueue<R = unknown> {
  private times: Float64Array;
  private seqs: Float64Array;
  private kinds: Int32Array;
  private next: Int32Array;
  private refs: (R | undefined)[];
  private freeHead = NONE;
  private used = 0; // pool slots ever handed out

  private buckets: Int32Array;
  private mask: number;
  private width = 1;
  private invWidth = 1;
  /** The day the next pop looks at first: no pending event is earlier. */
  private day = 0;
  private count = 0;
  private nextSeq = 0;
  private readonly sample = new Float64Array(SAMPLE);

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
    this.buckets = new Int32Array(16).fill(NONE);
    this.mask = 15;
  }

  get size(): number {
    return this.count;
  }

  get bucketCount(): number {
    return this.buckets.length;
  }

  get dayWidth(): number {
    return this.width;
  }

  push(timeMs: number, kind: number, ref: R): number {
    if (timeMs !== timeMs) throw new RangeError('event time is NaN');
    const seq = this.nextSeq++;
    const e = this.alloc();
    this.times[e] = timeMs;
    this.seqs[e] = seq;
    this.kinds[e] = kind;
    this.refs[e] = ref;
    const d = Math.floor(timeMs * this.invWidth);
    if (d < this.day || this.count === 0) this.day = d;
    this.link(e, d & this.mask);
    if (++this.count > 2 * this.buckets.length) this.resize(this.buckets.length * 2);
    return seq;
  }

  pop(): boolean {
    if (this.count === 0) return false;
    const buckets = this.buckets;
    const times = this.times;
    const mask = this.mask;
    const n = buckets.length;
    let day = this.day;
    let e = NONE;
    let b = 0;
    // One year of days at most; then the earliest head directly.
    for (let k = 0; k < n; k++, day++) {
      b = day & mask;
      const h = buckets[b]!;
      if (h !== NONE && Math.floor(times[h]! * this.invWidth) <= day) {
        e = h;
        break;
      }
    }
    if (e === NONE) {
      let best = Infinity;
      for (let i = 0; i < n; i++) {
        const h = buckets[i]!;
        if (h !== NONE && (times[h]! < best || (times[h] === best && this.seqs[h]! < this.seqs[e]!))) {
          best = times[h]!;
          e = h;
          b = i;
        }
      }
      day = Math.floor(best * this.invWidth);
    }
    this.day = day;
    buckets[b] = this.next[e]!;
    this.lastTime = times[e]!;
    this.lastSeq = this.seqs[e]!;
    this.lastKind = this.kinds[e]!;
    this.lastRef = this.refs[e] as R;
    this.release(e);
    if (--this.count < this.buckets.length / 2 && this.buckets.length > 16) this.resize(this.buckets.length / 2);
    return true;
  }

  peekTime(): number {
    if (this.count === 0) return Infinity;
    const buckets = this.buckets;
    const times = this.times;
    let day = this.day;
    for (let k = 0; k < buckets.length; k++, day++) {
      const h = buckets[day & this.mask]!;
      if (h !== NONE && Math.floor(times[h]! * this.invWidth) <= day) return times[h]!;
    }
    let best = Infinity;
    for (let i = 0; i < buckets.length; i++) if (buckets[i] !== NONE && times[buckets[i]!]! < best) best = times[buckets[i]!]!;
    return best;
  }

  clear(): void {
    for (let i = 0; i < this.buckets.length; i++) {
      for (let e = this.buckets[i]!; e !== NONE;) {
        const nx = this.next[e]!;
        this.release(e);
        e = nx;
      }
    }
    this.buckets.fill(NONE);
    this.count = 0;
  }

  /** Inserts pool entry e into bucket b, after every entry that sorts before it. */
  private link(e: number, b: number): void {
    const times = this.times;
    const next = this.next;
    const t = times[e]!;
    const seq = this.seqs[e]!;
    let h = this.buckets[b]!;
    if (h === NONE || t < times[h]! || (t === times[h] && seq < this.seqs[h]!)) {
      next[e] = h;
      this.buckets[b] = e;
      return;
    }
    for (;;) {
      const nx = next[h]!;
      if (nx === NONE || t < times[nx]! || (t === times[nx] && seq < this.seqs[nx]!)) break;
      h = nx;
    }
    next[e] = next[h]!;
    next[h] = e;
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
    const times = new Float64Array(cap);
    times.set(this.times);
    this.times = times;
    const seqs = new Float64Array(cap);
    seqs.set(this.seqs);
    this.seqs = seqs;
    const kinds = new Int32Array(cap);
    kinds.set(this.kinds);
    this.kinds = kinds;
    const next = new Int32Array(cap);
    next.set(this.next);
    this.next = next;
    for (let i = this.refs.length; i < cap; i++) this.refs.push(undefined);
  }

  /**
   * New bucket count and day width; every entry relinked. Width: 3 x the mean
   * gap between the earliest pending events, from a sorted strided sample.
   */
  private resize(buckets: number): void {
    const old = this.buckets;
    const stride = Math.max(1, Math.floor(this.count / SAMPLE));
    let m = 0;
    let seen = 0;
    let minTime = Infinity;
    for (let i = 0; i < old.length; i++) {
      for (let e = old[i]!; e !== NONE; e = this.next[e]!) {
        const t = this.times[e]!;
        if (t < minTime) minTime = t;
        if (seen++ % stride === 0 && m < SAMPLE) this.sample[m++] = t;
      }
    }
    if (m >= 2) {
      const s = this.sample.subarray(0, m).sort();
      // The front tenth of the sample, scaled from sample gaps to queue gaps.
      const k = Math.max(1, Math.floor(m / 10));
      const gap = ((s[k]! - s[0]!) / k) * (m / this.count);
      if (gap > 0 && Number.isFinite(gap)) {
        this.width = 3 * gap;
        this.invWidth = 1 / this.width;
      }
    }
    this.buckets = new Int32Array(buckets).fill(NONE);
    this.mask = buckets - 1;
    // Relink from the old buckets, each list walked in order; link() keeps every bucket sorted.
    for (let i = 0; i < old.length; i++) {
      for (let e = old[i]!; e !== NONE;) {
        const nx = this.next[e]!;
        this.link(e, Math.floor(this.times[e]! * this.invWidth) & this.mask);
        e = nx;
      }
    }
    this.day = minTime === Infinity ? 0 : Math.floor(minTime * this.invWidth);
  }
}
