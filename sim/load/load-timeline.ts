// The load run over time, one entry per streamed interval (the intervals of
// load.hlog): each latency's count, p50 and p99 in that interval, from the
// scheduled moment and from the send, and the traffic (frames and chat
// messages a second, open connections). Kept column by column, so a long
// run stays small in report.json; report.html plots it.
import type { JsHistogram } from 'hdr-histogram-js';
import { LATENCY_BASES, LOAD_MEASURES, LOAD_UNIT, type LatencyBase, type LoadMeasure, type TaggedHistogram } from './load-histograms.js';

/** One latency over the intervals; p50 and p99 in µs, null in an interval that measured nothing. */
export interface IntervalLatency {
  count: number[];
  p50: (number | null)[];
  p99: (number | null)[];
}

export interface LoadTimeline {
  /** The interval asked for (`--interval`), in seconds; the last one may be shorter. */
  intervalSeconds: number;
  /** The unit of every latency figure here. */
  unit: typeof LOAD_UNIT;
  /** Each interval's start and end, wall seconds from the first arrival. */
  startSeconds: number[];
  endSeconds: number[];
  latency: Record<LoadMeasure, Record<LatencyBase, IntervalLatency>>;
  /** Frames sent and received by every client, per second of the interval. */
  framesPerSecond: number[];
  /** Chat messages delivered (both ways), per second of the interval. */
  messagesPerSecond: number[];
  /** Agent and customer connections open at the interval's end. */
  connections: number[];
}

/** What the traffic counters stood at when an interval closed. */
export interface TrafficMark {
  frames: number;
  messages: number;
  connections: number;
}

export class TimelineRecorder {
  private readonly t: LoadTimeline;
  private last: TrafficMark = { frames: 0, messages: 0, connections: 0 };

  constructor(intervalMs: number) {
    const latency = {} as LoadTimeline['latency'];
    for (const m of LOAD_MEASURES) {
      latency[m] = {} as Record<LatencyBase, IntervalLatency>;
      for (const b of LATENCY_BASES) latency[m][b] = { count: [], p50: [], p99: [] };
    }
    this.t = { intervalSeconds: intervalMs / 1000, unit: LOAD_UNIT, startSeconds: [], endSeconds: [], latency, framesPerSecond: [], messagesPerSecond: [], connections: [] };
  }

  /** One closed interval: its histograms (tagged `measure.base`, as rollInterval hands them) and the counters now. */
  add(startSec: number, endSec: number, histograms: readonly TaggedHistogram[], mark: TrafficMark): void {
    const t = this.t;
    t.startSeconds.push(round3(startSec));
    t.endSeconds.push(round3(endSec));
    const byTag = new Map<string, JsHistogram>(histograms.map((h) => [h.tag, h.hdr]));
    for (const m of LOAD_MEASURES) {
      for (const b of LATENCY_BASES) {
        const hdr = byTag.get(`${m}.${b}`);
        const series = t.latency[m][b];
        const n = hdr?.totalCount ?? 0;
        series.count.push(n);
        series.p50.push(n > 0 ? hdr!.getValueAtPercentile(50) : null);
        series.p99.push(n > 0 ? hdr!.getValueAtPercentile(99) : null);
      }
    }
    const seconds = endSec - startSec;
    const rate = (x: number): number => (seconds > 0 ? Math.round((x / seconds) * 10) / 10 : 0);
    t.framesPerSecond.push(rate(mark.frames - this.last.frames));
    t.messagesPerSecond.push(rate(mark.messages - this.last.messages));
    t.connections.push(mark.connections);
    this.last = mark;
  }

  result(): LoadTimeline {
    return structuredClone(this.t);
  }
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
