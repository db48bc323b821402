// The wall-clock latencies a load run measures, each twice: from the moment
// the action was scheduled (coordinated omission corrected: a generator that
// fell behind does not hide the wait) and from the moment it was actually
// sent. Recorded in microseconds into the current interval; rollInterval()
// hands the interval to the streaming log and folds it into the run's total.
import type { JsHistogram } from 'hdr-histogram-js';
import { createLatencyHistogram, mergeInto, recordValue, summarize, type HistogramSummary, type LatencyHistogram } from '../reports/histogram.js';

/**
 * offer: customer's first message -> the first offer frame at an agent;
 * customerToAgent / agentToCustomer: a chat message from send to the other side;
 * commandAck: a frame with a ref -> its ack or error.
 */
export const LOAD_MEASURES = ['offer', 'customerToAgent', 'agentToCustomer', 'commandAck'] as const;
export type LoadMeasure = (typeof LOAD_MEASURES)[number];
export const LATENCY_BASES = ['fromScheduled', 'fromSent'] as const;
export type LatencyBase = (typeof LATENCY_BASES)[number];

export const LOAD_UNIT = 'us' as const;

export type LatencySummaries = Record<LoadMeasure, Record<LatencyBase, HistogramSummary>>;

export interface TaggedHistogram {
  tag: string;
  hdr: JsHistogram;
}

export function tagOf(measure: LoadMeasure, base: LatencyBase): string {
  return `${measure}.${base}`;
}

type Pair = Record<LatencyBase, LatencyHistogram>;

export class LoadHistograms {
  private readonly interval = {} as Record<LoadMeasure, Pair>;
  private readonly total = {} as Record<LoadMeasure, Pair>;

  constructor() {
    for (const m of LOAD_MEASURES) {
      this.interval[m] = { fromScheduled: createLatencyHistogram(LOAD_UNIT), fromSent: createLatencyHistogram(LOAD_UNIT) };
      this.total[m] = { fromScheduled: createLatencyHistogram(LOAD_UNIT), fromSent: createLatencyHistogram(LOAD_UNIT) };
    }
  }

  /** Times in ms on one clock; `scheduledMs <= sentMs` unless the action went early (then both count from the send). */
  record(measure: LoadMeasure, scheduledMs: number, sentMs: number, receivedMs: number): void {
    const pair = this.interval[measure];
    recordValue(pair.fromScheduled, Math.max(0, receivedMs - Math.min(scheduledMs, sentMs)) * 1000);
    recordValue(pair.fromSent, Math.max(0, receivedMs - sentMs) * 1000);
  }

  /** The interval's histograms (tagged, for the log), then folded into the total and cleared. Call the writer before the next record. */
  rollInterval(write: (histograms: readonly TaggedHistogram[]) => void): void {
    const out: TaggedHistogram[] = [];
    for (const m of LOAD_MEASURES) {
      for (const b of LATENCY_BASES) {
        const hdr = this.interval[m][b].hdr;
        // The log writer takes the line's tag from the histogram, and reset() clears it.
        hdr.tag = tagOf(m, b);
        out.push({ tag: hdr.tag, hdr });
      }
    }
    write(out);
    for (const m of LOAD_MEASURES) {
      for (const b of LATENCY_BASES) {
        mergeInto(this.total[m][b], this.interval[m][b]);
        this.interval[m][b].hdr.reset();
      }
    }
  }

  /** Everything recorded so far (the total plus the open interval). */
  summaries(): LatencySummaries {
    const out = {} as LatencySummaries;
    for (const m of LOAD_MEASURES) {
      out[m] = {} as Record<LatencyBase, HistogramSummary>;
      for (const b of LATENCY_BASES) {
        const h = createLatencyHistogram(LOAD_UNIT);
        mergeInto(h, this.total[m][b]);
        mergeInto(h, this.interval[m][b]);
        out[m][b] = summarize(h);
      }
    }
    return out;
  }

  /** The run's histogram for one measure and base (total plus the open interval), for whole-run logs. */
  whole(measure: LoadMeasure, base: LatencyBase): LatencyHistogram {
    const h = createLatencyHistogram(LOAD_UNIT);
    mergeInto(h, this.total[measure][base]);
    mergeInto(h, this.interval[measure][base]);
    h.hdr.tag = tagOf(measure, base);
    return h;
  }
}
