import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HistogramLogReader, type JsHistogram } from 'hdr-histogram-js';
import { describe, expect, it } from 'vitest';
import { IntervalLogFile } from './interval-log.js';
import { LoadHistograms, tagOf } from './load-histograms.js';

describe('IntervalLogFile', () => {
  it('writes each interval to the file as it closes; HistogramLogReader reads back every count, tag and time', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cctwin-hlog-')), 'load.hlog');
    const h = new LoadHistograms();
    const log = new IntervalLogFile(file, Date.UTC(2026, 0, 1), '[test]');
    // Interval 0: three offers; interval 1: nothing; interval 2: two messages, 20 ms late against their schedule.
    for (const ms of [1, 2, 3]) h.record('offer', 0, 0, ms);
    h.rollInterval((hs) => log.writeInterval(0, 1, hs));
    h.rollInterval((hs) => log.writeInterval(1, 2, hs));
    const afterTwo = readFileSync(file, 'utf8');
    h.record('customerToAgent', 100, 120, 125);
    h.record('customerToAgent', 100, 120, 121);
    h.rollInterval((hs) => log.writeInterval(2, 3, hs));
    // Streamed: what was written before is on disk before the log is closed.
    expect(readFileSync(file, 'utf8').startsWith(afterTwo)).toBe(true);
    log.close();

    const reader = new HistogramLogReader(readFileSync(file, 'utf8'));
    const lines: { tag: string; start: number; count: number; max: number }[] = [];
    for (let x = reader.nextIntervalHistogram(); x !== null; x = reader.nextIntervalHistogram()) {
      const hdr = x as JsHistogram;
      lines.push({ tag: hdr.tag, start: (hdr.startTimeStampMsec - reader.baseTimeSec * 1000) / 1000, count: hdr.totalCount, max: hdr.maxValue });
    }
    expect(lines.map((l) => [l.tag, l.start, l.count])).toEqual([
      [tagOf('offer', 'fromScheduled'), 0, 3], [tagOf('offer', 'fromSent'), 0, 3],
      [tagOf('customerToAgent', 'fromScheduled'), 2, 2], [tagOf('customerToAgent', 'fromSent'), 2, 2],
    ]);
    // Microseconds: 25 ms from the schedule, 5 ms from the send.
    expect(lines[2]!.max).toBeGreaterThanOrEqual(25_000 * 0.999);
    expect(lines[3]!.max).toBeLessThanOrEqual(5_000 * 1.001);
    // The run's totals keep everything the intervals had.
    expect(h.summaries().offer.fromScheduled.count).toBe(3);
    expect(h.summaries().customerToAgent.fromSent.count).toBe(2);
  });
});
