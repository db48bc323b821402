// `--out DIR/load.hlog`: the load run's histograms as an HdrHistogram
// interval log (the format of Java's HistogramLogWriter, read by
// HistogramLogReader and the HdrHistogram plotters), one line per tag and
// interval, written straight to the file as each interval closes, so a run
// cut short keeps every interval it finished. Values are microseconds;
// Interval_Max is in milliseconds, as the plotters expect.
import { closeSync, openSync, writeSync } from 'node:fs';
import { HistogramLogWriter } from 'hdr-histogram-js';
import type { TaggedHistogram } from './load-histograms.js';

const US_PER_MS = 1000;

export class IntervalLogFile {
  private fd: number | null;
  private chunk = '';
  private readonly writer: HistogramLogWriter;

  /** Creates (truncates) the file and writes the header. `startTimeMs`: the run's start, ms since the epoch. */
  constructor(path: string, startTimeMs: number, comment: string) {
    this.fd = openSync(path, 'w');
    this.writer = new HistogramLogWriter((text) => {
      this.chunk += text;
    });
    this.writer.outputLogFormatVersion();
    this.writer.outputComment(comment);
    // As Java's HistogramLogWriter.outputStartTime writes it (the JS writer adds a blank line).
    this.writer.outputComment(`[StartTime: ${(startTimeMs / 1000).toFixed(3)} (seconds since epoch), ${new Date(startTimeMs).toString()}]`);
    this.writer.outputLegend();
    this.flush();
  }

  /** One line per histogram that recorded anything, covering [startSec, endSec) from the run's start. */
  writeInterval(startSec: number, endSec: number, histograms: readonly TaggedHistogram[]): void {
    for (const h of histograms) {
      if (h.hdr.totalCount === 0) continue;
      this.writer.outputIntervalHistogram(h.hdr, startSec, endSec, US_PER_MS);
    }
    this.flush();
  }

  close(): void {
    if (this.fd === null) return;
    this.flush();
    closeSync(this.fd);
    this.fd = null;
  }

  private flush(): void {
    if (this.fd === null || this.chunk === '') return;
    writeSync(this.fd, this.chunk);
    this.chunk = '';
  }
}
