// A load report made by hand, with its histograms, for unit tests of what
// reads a load report (budget figures, checks, the page) without a load run.
// No budgets; the checks pass. Latencies are recorded into the real histogram classes over `intervals`
// streamed intervals, so the summaries, the timeline and the whole
// histograms agree as a real run's do.
import { createLatencyHistogram, recordValue, summarize, type LatencyHistogram } from '../reports/histogram.js';
import { endStateAccounting, type ConversationCounts } from '../reports/report.js';
import { LATENCY_BASES, LOAD_MEASURES, LoadHistograms, type LatencyBase, type LoadMeasure } from './load-histograms.js';
import type { LoadReport } from './load-report.js';
import { TimelineRecorder } from './load-timeline.js';
import { loadChecks } from './load-checks.js';
import type { SimHistogram } from './load-world.js';

export interface SampleLoadRun {
  report: LoadReport;
  histograms: Record<LoadMeasure, Record<LatencyBase, LatencyHistogram>>;
}

/** Every value deterministic; `intervals` 1 s intervals, the second of them (if any) empty of latencies. */
export function sampleLoadRun(intervals = 4): SampleLoadRun {
  const h = new LoadHistograms();
  const timeline = new TimelineRecorder(1000);
  let frames = 0;
  for (let i = 0; i < intervals; i++) {
    if (i !== 1) {
      LOAD_MEASURES.forEach((m, k) => {
        // From the send 1-10 ms; from the schedule 5 ms later (a generator running behind).
        for (let j = 1; j <= 10; j++) h.record(m, i * 1000, i * 1000 + 5, i * 1000 + 5 + j * (k + 1));
      });
    }
    frames += 100 * (i + 1);
    const mark = { frames, messages: frames / 10, connections: 20 + i };
    h.rollInterval((hs) => timeline.add(i, i + 1, hs, mark));
  }
  const histograms = {} as SampleLoadRun['histograms'];
  for (const m of LOAD_MEASURES) {
    histograms[m] = {} as Record<LatencyBase, LatencyHistogram>;
    for (const b of LATENCY_BASES) histograms[m][b] = h.whole(m, b);
  }
  const sim = {} as Record<SimHistogram, ReturnType<typeof summarize>>;
  (['answerTime', 'abandonTime', 'handleTime', 'wrapUp'] as const).forEach((name, k) => {
    const x = createLatencyHistogram('ms');
    for (let j = 1; j <= 20; j++) recordValue(x, j * 1000 * (k + 1));
    sim[name] = summarize(x);
  });
  const conversations: ConversationCounts = { arrived: 40, answered: 36, abandoned: 4, transferred: 3, droppedOnTransfer: 1, conferenced: 2, completed: 35, interrupted: 0, inProgressAtEnd: 0 };
  const counts = { arrived: 40, answered: 36, transferred: 3, conferenced: 2, rona: 5, completed: 35, abandoned: 4, droppedOnTransfer: 1, interrupted: 0, inProgress: 0 };
  const report: LoadReport = {
    scenario: 'sample-load', seed: 7, speed: 10, target: 'embedded', startedAt: '2026-01-01T00:00:00.000Z', stoppedBy: 'completed',
    simulated: { seconds: intervals * 10 }, warmupSeconds: 0, wall: { seconds: intervals },
    conversations, accounting: endStateAccounting(conversations),
    serviceLevel: { thresholdSeconds: 10, value: 0.75 }, abandonRate: 0.1, agents: { count: 20, occupancy: 0.42, ronaEvents: 5 },
    histograms: sim, latency: h.summaries(),
    maskingLeaks: {
      tenantMasks: true, framesChecked: 500, injectedValues: 120, count: 0, byKind: { card: 0, iban: 0, ssn: 0, phone: 0, email: 0 }, examples: [],
      detectors: { count: 0, byKind: { card: 0, iban: 0, ssn: 0, phone: 0, email: 0 }, examples: [] },
    },
    balance: { checked: true, balanced: true, exact: true, otherTraffic: [], client: counts, server: { ...counts }, differences: [], strayConversations: 0, foreignConversations: 0 },
    traffic: {
      framesSent: frames / 2, framesReceived: frames / 2, outstanding: 0, errorsByCode: { E_UNKNOWN_OFFER: 2, E_BAD_STATE: 1 },
      errorsByFrame: { 'accept E_UNKNOWN_OFFER': 2, 'abandon E_BAD_STATE': 1 }, connectFailures: 0, unexpectedCloses: 0,
      framesPerSecond: frames / intervals, messagesDelivered: { customerToAgent: frames / 20, agentToCustomer: frames / 20 }, messagesPerSecond: frames / 10 / intervals, peakConnections: 20 + intervals,
    },
    generator: { cpuSeconds: 0.5, cpuCores: 0.5 / intervals, includesServer: true, schedulerMaxLagMs: 5, lateTasks: 3 },
    timeline: timeline.result(),
    budgets: [],
    checks: [],
  };
  report.checks = loadChecks(report);
  return { report, histograms };
}
