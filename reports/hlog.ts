// The run's histograms in HdrHistogram's interval log format (what Java's
// HistogramLogWriter writes and every HdrHistogram log reader and plotter
// reads): one interval line per histogram, tagged with its name, covering the
// whole simulated run. Written with hdr-histogram-js's own HistogramLogWriter.
//
// Values stay in each histogram's recorded unit (ms for simulated times, ns
// for engine.*); the log format carries no unit, so a comment line names them.
// Interval_Max is given in milliseconds for every tag, as jHiccup and the
// HdrHistogram plotters expect.
import { HistogramLogReader, HistogramLogWriter, type JsHistogram } from 'hdr-histogram-js';
import type { LatencyHistogram } from './histogram.js';
import { HISTOGRAM_NAMES, histogramUnit, type HistogramName } from './report.js';
import { NS_PER_UNIT, type TimeUnit } from './time-unit.js';

export interface HlogContext {
  /** Wall-clock start of the run (ms since the epoch), for the `#[StartTime: ...]` line. */
  startTimeMs: number;
  /** Simulated length of the run: every interval line spans it. */
  simulatedSeconds: number;
}

export function renderHlog(histograms: Readonly<Record<HistogramName, LatencyHistogram>>, ctx: HlogContext): string {
  let text = '';
  const writer = new HistogramLogWriter((chunk) => {
    text += chunk;
  });
  writer.outputLogFormatVersion();
  writer.outputComment(`[cctwin: tags are histogram names; values in ${HISTOGRAM_NAMES.map((n) => `${n}=${histogramUnit(n)}`).join(' ')}; Interval_Max in ms]`);
  // As Java's HistogramLogWriter.outputStartTime writes it (the JS writer's adds a blank line).
  writer.outputComment(`[StartTime: ${(ctx.startTimeMs / 1000).toFixed(3)} (seconds since epoch), ${new Date(ctx.startTimeMs).toString()}]`);
  writer.outputLegend();
  for (const name of HISTOGRAM_NAMES) {
    const h = histograms[name];
    // The writer takes the line's tag from the histogram: lend it the name,
    // then give the caller's histogram its own tag back.
    const ownTag = h.hdr.tag;
    h.hdr.tag = name;
    try {
      writer.outputIntervalHistogram(h.hdr, 0, ctx.simulatedSeconds, NS_PER_UNIT.ms / NS_PER_UNIT[h.unit]);
    } finally {
      h.hdr.tag = ownTag;
    }
  }
  return text;
}

/** Reads a log back with hdr-histogram-js's HistogramLogReader: histograms by tag, in the log's order. */
export function readHlog(text: string): Map<string, { hdr: JsHistogram; startSeconds: number; lengthSeconds: number }> {
  const reader = new HistogramLogReader(text, 64);
  const out = new Map<string, { hdr: JsHistogram; startSeconds: number; lengthSeconds: number }>();
  for (let h = reader.nextIntervalHistogram(); h !== null; h = reader.nextIntervalHistogram()) {
    const hdr = h as JsHistogram;
    out.set(hdr.tag, {
      hdr,
      startSeconds: (hdr.startTimeStampMsec - reader.baseTimeSec * 1000) / 1000,
      lengthSeconds: (hdr.endTimeStampMsec - hdr.startTimeStampMsec) / 1000,
    });
  }
  return out;
}

export function unitOfTag(tag: string): TimeUnit | undefined {
  return (HISTOGRAM_NAMES as readonly string[]).includes(tag) ? histogramUnit(tag as HistogramName) : undefined;
}
