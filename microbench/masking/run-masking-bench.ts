// `cctwin bench masking`: the masking core against the obvious regex masker,
// on corpora generated in the same run from one seed.
import { maskText, type Masker } from '../../engine/masking/index.js';
import { measureFalsePositives, measureRecall, type FalsePositiveResult, type RecallResult } from './accuracy.js';
import { measureAdversarial, type AdversarialResult } from './adversarial.js';
import { baselineMasker } from './baseline-masker.js';
import { ADVERSARIAL_INPUTS, chatCorpus, denseCorpus, piiFreeMessages, type MessageCorpus } from './corpora.js';
import { checksum, measureLatency, measureThroughputs, timerOverheadNs, type LatencySummary } from './measure.js';
import { measureDetectorCost, type DetectorCostResult } from './detector-cost.js';

export interface MaskingBenchOptions {
  seed?: number;
  /** Messages per corpus (chat, dense, PII-free). */
  messages?: number;
  /** Timed runs per corpus; the median is reported. */
  runs?: number;
  /** Size of each adversarial input for the core. */
  adversarialChars?: number;
  /** Size of each adversarial input for the baseline (it is quadratic on some). */
  baselineAdversarialChars?: number;
  /** Progress lines (to stderr, say); silent by default. */
  log?: (line: string) => void;
  /** Time each stage of the scanner on the chat and dense corpora (detector-cost.ts); on by default. */
  detectorCost?: boolean;
}

/** Texts of each corpus the per-stage breakdown is measured on (its shares need no more). */
export const DETECTOR_COST_TEXTS = 5000;

export interface CorpusResult {
  corpus: MessageCorpus['name'];
  messages: number;
  chars: number;
  core: { mcharsPerSecondMedian: number; mcharsPerSecondRuns: number[]; latency: LatencySummary };
  baseline: { mcharsPerSecondMedian: number; mcharsPerSecondRuns: number[]; latency: LatencySummary };
  /** Core throughput over baseline throughput. */
  ratio: number;
}

export interface MaskingBenchResult {
  bench: 'masking';
  seed: number;
  runs: number;
  node: string;
  /** Cost of the two clock reads inside every per-message latency. */
  timerOverheadNs: number;
  corpora: CorpusResult[];
  recall: RecallResult;
  falsePositives: FalsePositiveResult;
  adversarial: AdversarialResult[];
  /** Where the time goes, stage by stage, on the first DETECTOR_COST_TEXTS messages of each corpus. */
  detectorCost?: { corpus: MessageCorpus['name']; cost: DetectorCostResult }[];
  targets: { chatMcharsPerSecond: number; denseMcharsPerSecond: number; ratioVsBaseline: number; recall: number };
  targetsMet: boolean;
  checksum: number;
}

export const MASKING_TARGETS = { chatMcharsPerSecond: 250, denseMcharsPerSecond: 80, ratioVsBaseline: 3, recall: 1 };

const core: Masker = { mask: maskText };

function measureCorpus(corpus: MessageCorpus, runs: number): CorpusResult {
  const texts = corpus.messages.map((m) => m.text);
  const [coreRuns, baselineRuns] = measureThroughputs([core, baselineMasker], texts, corpus.chars, runs);
  return {
    corpus: corpus.name,
    messages: texts.length,
    chars: corpus.chars,
    core: { ...coreRuns, latency: measureLatency(core, texts) },
    baseline: { ...baselineRuns, latency: measureLatency(baselineMasker, texts) },
    ratio: coreRuns.mcharsPerSecondMedian / baselineRuns.mcharsPerSecondMedian,
  };
}

export function runMaskingBench(options: MaskingBenchOptions = {}): MaskingBenchResult {
  const seed = options.seed ?? 1;
  const count = options.messages ?? 20000;
  const runs = options.runs ?? 7;
  const adversarialChars = options.adversarialChars ?? 1 << 20;
  const baselineAdversarialChars = options.baselineAdversarialChars ?? 16 << 10;
  const log = options.log ?? (() => {});

  log(`generating corpora (seed ${seed}, ${count} messages each)`);
  const chat = chatCorpus(seed, count);
  const dense = denseCorpus(seed, count);
  const free = piiFreeMessages(seed, count);

  const corpora: CorpusResult[] = [];
  for (const corpus of [chat, dense]) {
    log(`timing ${corpus.name}: ${corpus.messages.length} messages, ${corpus.chars} chars, ${runs} runs`);
    corpora.push(measureCorpus(corpus, runs));
  }
  log('recall and false positives');
  const recall = measureRecall(dense.messages, core, baselineMasker);
  const falsePositives = measureFalsePositives(free, baselineMasker);
  const adversarial: AdversarialResult[] = [];
  for (const input of ADVERSARIAL_INPUTS) {
    log(`adversarial: ${input.name}`);
    adversarial.push(measureAdversarial(input, adversarialChars, baselineAdversarialChars, baselineMasker, 3));
  }

  let detectorCost: MaskingBenchResult['detectorCost'];
  if (options.detectorCost ?? true) {
    detectorCost = [];
    for (const corpus of [chat, dense]) {
      log(`cost by stage: ${corpus.name}`);
      detectorCost.push({ corpus: corpus.name, cost: measureDetectorCost(corpus.messages.slice(0, DETECTOR_COST_TEXTS).map((m) => m.text), runs) });
    }
  }

  const [chatResult, denseResult] = corpora;
  const targetsMet = chatResult.core.mcharsPerSecondMedian >= MASKING_TARGETS.chatMcharsPerSecond &&
    denseResult.core.mcharsPerSecondMedian >= MASKING_TARGETS.denseMcharsPerSecond &&
    Math.min(chatResult.ratio, denseResult.ratio) >= MASKING_TARGETS.ratioVsBaseline &&
    recall.exactRate >= MASKING_TARGETS.recall;
  return {
    bench: 'masking', seed, runs, node: process.version, timerOverheadNs: timerOverheadNs(),
    corpora, recall, falsePositives, adversarial, ...(detectorCost ? { detectorCost } : {}), targets: MASKING_TARGETS, targetsMet,
    checksum: checksum(),
  };
}
