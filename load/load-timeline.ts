// The load run over time, one entry per streamed interval (the intervals of
// load.hlog): each latency's count, p50 and p99 in that interval, from the
// scheduled moment and from the send, and the traffic (frames and chat
// messages a second, open connections). Kept column by column, and merged
// in pairs past MAX_TIMELINE_ENTRIES, so a long run stays small in
// report.json; report.html plots it.
import type { JsHistogram } from 'hdr-histogram-js';
import { LATENCY_BASES, LOAD_MEASURES, LOAD_UNIT, type LatencyBase, type LoadMeasure, type TaggedHistogram } from './load-histograms.js';

/** One latency over the intervals; p50 and p99 in µs, null in an interval that measured nothing. */
export interface IntervalLatency {
  count: number[];
  p50: (number | null)[];
  p99: (number | null)[];
}

export interface LoadTimeline {
  /** The length of one entry, in seconds: the streamed interval (`--interval`) times intervalsPerEntry; the last one may be shorter. */
  intervalSeconds: number;
  /** Streamed intervals merged into each entry: 1 until a run passes MAX_TIMELINE_ENTRIES intervals, then doubling as it goes on. */
  intervalsPerEntry: number;
  /** The unit of every latency figure here. */
  unit: typeof LOAD_UNIT;
  /** Each entry's start and end, wall seconds from the first arrival. */
  startSeconds: number[];
  endSeconds: number[];
  latency: Record<LoadMeasure, Record<LatencyBase, IntervalLatency>>;
  /** Frames sent and received by every client, per second of the entry. */
  framesPerSecond: number[];
  /** Chat messages delivered (both ways), per second of the entry. */
  messagesPerSecond: number[];
  /** Agent and customer connections open at the entry's end (merged: the most at the end of any of its intervals). */
  connections: number[];
}

/** What the traffic counters stood at when an interval closed. */
export interface TrafficMark {
  frames: number;
  messages: number;
  connections: number;
}

/**
 * The timeline stays at most this long: past it, neighbouring entries are
 * merged in pairs (counts added, p99 the higher, p50 the count-weighted
 * mean, traffic over the joint time), so a day-long run at 1 s intervals
 * keeps its report.json near a megabyte. load.hlog keeps every interval.
 */
export const MAX_TIMELINE_ENTRIES = 2000;

interface Point {
  count: number;
  p50: number | null;
  p99: number | null;
}

interface Entry {
  start: number;
  end: number;
  intervals: number;
  latency: Record<string, Point>;
  frames: number;
  messages: number;
  connections: number;
}

export class TimelineRecorder {
  private readonly entries: Entry[] = [];
  private perEntry = 1;
  private last: TrafficMark = { frames: 0, messages: 0, connections: 0 };

  constructor(private readonly intervalMs: number, private readonly maxEntries = MAX_TIMELINE_ENTRIES) {}

  /** One closed interval: its histograms (tagged `measure.base`, as rollInterval hands them) and the counters now. */
  add(startSec: number, endSec: number, histograms: readonly TaggedHistogram[], mark: TrafficMark): void {
    const byTag = new Map<string, JsHistogram>(histograms.map((h) => [h.tag, h.hdr]));
    const latency: Record<string, Point> = {};
    for (const m of LOAD_MEASURES) {
      for (const b of LATENCY_BASES) {
        const hdr = byTag.get(`${m}.${b}`);
        const n = hdr?.totalCount ?? 0;
        latency[`${m}.${b}`] = { count: n, p50: n > 0 ? hdr!.getValueAtPercentile(50) : null, p99: n > 0 ? hdr!.getValueAtPercentile(99) : null };
      }
    }
    const entry: Entry = { start: startSec, end: endSec, intervals: 1, latency, frames: mark.frames - this.last.frames, messages: mark.messages - this.last.messages, connections: mark.connections };
    this.last = mark;
    const open = this.entries[this.entries.length - 1];
    if (open !== undefined && open.intervals < this.perEntry) this.entries[this.entries.length - 1] = merge(open, entry);
    else this.entries.push(entry);
    if (this.entries.length > this.maxEntries) {
      const halved: Entry[] = [];
      for (let i = 0; i < this.entries.length; i += 2) halved.push(i + 1 < this.entries.length ? merge(this.entries[i]!, this.entries[i + 1]!) : this.entries[i]!);
      this.entries.splice(0, this.entries.length, ...halved);
      this.perEntry *= 2;
    }
  }

  result(): LoadTimeline {
    const latency = {} as LoadTimeline['latency'];
    for (const m of LOAD_MEASURES) {
      latency[m] = {} as Record<LatencyBase, IntervalLatency>;
      for (const b of LATENCY_BASES) {
        const points = this.entries.map((e) => e.latency[`${m}.${b}`]!);
        latency[m][b] = { count: points.map((p) => p.count), p50: points.map((p) => p.p50), p99: points.map((p) => p.p99) };
      }
    }
    const rate = (x: number, e: Entry): number => (e.end > e.start ? Math.round((x / (e.end - e.start)) * 10) / 10 : 0);
    return {
      intervalSeconds: (this.intervalMs * this.perEntry) / 1000,
      intervalsPerEntry: this.perEntry,
      unit: LOAD_UNIT,
      startSeconds: this.entries.map((e) => round3(e.start)),
      endSeconds: this.entries.map((e) => round3(e.end)),
      latency,
      framesPerSecond: this.entries.map((e) => rate(e.frames, e)),
      messagesPerSecond: this.entries.map((e) => rate(e.messages, e)),
      connections: this.entries.map((e) => e.connections),
    };
  }
}

function merge(a: Entry, b: Entry): Entry {
  const latency: Record<string, Point> = {};
  for (const key of Object.keys(a.latency)) {
    const x = a.latency[key]!;
    const y = b.latency[key]!;
    const count = x.count + y.count;
    latency[key] = {
      count,
      p50: count === 0 ? null : ((x.p50 ?? 0) * x.count + (y.p50 ?? 0) * y.count) / count,
      p99: x.p99 === null ? y.p99 : y.p99 === null ? x.p99 : Math.max(x.p99, y.p99),
    };
  }
  return { start: a.start, end: b.end, intervals: a.intervals + b.intervals, latency, frames: a.frames + b.frames, messages: a.messages + b.messages, connections: Math.max(a.connections, b.connections) };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
