// A plausible, self-consistent report for tests of the renderers and budgets,
// built through the real histogram code from a seeded stream of values.
import { createLatencyHistogram, recordValue, summarize, type HistogramSummary } from './histogram.js';
import {
  HISTOGRAM_NAMES,
  endStateAccounting,
  histogramUnit,
  type ConversationCounts,
  type HistogramName,
  type Report,
} from './report.js';

/** Park-Miller: a tiny seeded generator, enough for fixture data. */
function uniforms(seed: number): () => number {
  let s = (Math.abs(Math.floor(seed)) % 2147483646) + 1;
  return () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
}

const MEAN_BY_HISTOGRAM: Record<HistogramName, number> = {
  answerTime: 25_000,
  abandonTime: 90_000,
  handleTime: 180_000,
  wrapUp: 20_000,
  'engine.route': 12_000,
  'engine.mask': 40_000,
};

export function sampleReport(seed = 1, conversationsArrived = 2000): Report {
  const u = uniforms(seed);
  const arrived = conversationsArrived;
  const abandoned = Math.round(arrived * 0.03);
  const droppedOnTransfer = Math.round(arrived * 0.004);
  const interrupted = Math.round(arrived * 0.002);
  const inProgressAtEnd = Math.round(arrived * 0.01);
  const completed = arrived - abandoned - droppedOnTransfer - interrupted - inProgressAtEnd;
  const answered = arrived - abandoned;
  const conversations: ConversationCounts = {
    arrived,
    answered,
    abandoned,
    transferred: Math.round(arrived * 0.05),
    droppedOnTransfer,
    conferenced: Math.round(arrived * 0.02),
    completed,
    interrupted,
    inProgressAtEnd,
  };

  const histograms = {} as Record<HistogramName, HistogramSummary>;
  for (const name of HISTOGRAM_NAMES) {
    const h = createLatencyHistogram(histogramUnit(name));
    const n = name === 'abandonTime' ? abandoned : answered;
    for (let i = 0; i < n; i++) recordValue(h, -Math.log(u()) * MEAN_BY_HISTOGRAM[name]);
    histograms[name] = summarize(h);
  }

  const events = arrived * 9;
  const wallSeconds = 0.05 + u() * 0.02;
  return {
    scenario: 'sample',
    seed,
    replications: 1,
    simulated: { seconds: 8 * 3600, events },
    wall: { seconds: wallSeconds, eventsPerSecond: Math.round(events / wallSeconds) },
    conversations,
    accounting: endStateAccounting(conversations),
    serviceLevel: { thresholdSeconds: 60, value: 0.83 },
    waitProbability: 0.41,
    abandonRate: abandoned / (answered + abandoned),
    agents: { count: 62, occupancy: 0.91, ronaEvents: 17 },
    histograms,
    budgets: [],
  };
}
