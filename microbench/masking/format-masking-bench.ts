// The masking bench as a text report.
import { formatDetectorCost } from './detector-cost.js';
import type { MaskingBenchResult } from './run-masking-bench.js';

function fixed(n: number, digits = 1): string {
  return n.toFixed(digits);
}

function pct(n: number): string {
  return `${(n * 100).toFixed(n === 1 || n === 0 ? 0 : 3)}%`;
}

function row(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((c, k) => (k === 0 ? c.padEnd(widths[k]) : c.padStart(widths[k]))).join('  ');
}

export function formatMaskingBench(r: MaskingBenchResult): string {
  const lines: string[] = [];
  lines.push(`masking bench  seed ${r.seed}  ${r.runs} runs  node ${r.node}  (one thread)`);
  lines.push('');
  const w = [18, 10, 9, 8, 8, 8, 8, 9, 7];
  lines.push(row(['throughput', 'Mchars/s', 'p50 ns', 'p90', 'p99', 'p99.9', 'max', 'messages', 'ratio'], w));
  for (const c of r.corpora) {
    lines.push(row([`${c.corpus} core`, fixed(c.core.mcharsPerSecondMedian), ...latencyCells(c.core.latency),
      String(c.messages), `${fixed(c.ratio)}x`], w));
    lines.push(row([`${c.corpus} baseline`, fixed(c.baseline.mcharsPerSecondMedian), ...latencyCells(c.baseline.latency),
      String(c.messages), ''], w));
  }
  lines.push(`(Mchars/s: median of ${r.runs} runs; per-message latency includes ${r.timerOverheadNs} ns of clock reads)`);
  lines.push('');
  const rec = r.recall;
  lines.push(`recall on ground truth: ${rec.exact}/${rec.truthSpans} exact spans (${pct(rec.exactRate)}), ` +
    `masked out ${pct(rec.maskedOutRate)}; baseline masked out ${pct(rec.baselineMaskedOutRate)}`);
  lines.push(`  by kind: ${Object.entries(rec.byKind).map(([k, v]) => `${k} ${v.exact}/${v.truth}`).join(', ')}`);
  const fp = r.falsePositives;
  lines.push(`false positives on PII-free text: ${fp.flaggedMessages}/${fp.messages} messages (${pct(fp.rate)}), ` +
    `${fp.spans} spans; baseline ${fp.baselineFlaggedMessages}/${fp.messages} (${pct(fp.baselineRate)})`);
  for (const e of fp.examples) lines.push(`  e.g. ${e}`);
  lines.push('');
  const wa = [18, 10, 10, 9, 14, 9];
  lines.push(row(['adversarial', 'size', 'Mchars/s', 'x2 time', 'baseline ms', 'x2 time'], wa));
  for (const a of r.adversarial) {
    lines.push(row([a.name, `${a.chars >> 10} KiB`, fixed(a.mcharsPerSecond), fixed(a.scaling, 2),
      `${fixed(a.baseline.ms, 2)} @${a.baseline.chars >> 10}KiB`, fixed(a.baseline.scaling, 2)], wa));
  }
  lines.push('(x2 time: time at full size over time at half size; about 2 is linear, about 4 quadratic)');
  lines.push('');
  for (const { corpus, cost } of r.detectorCost ?? []) {
    lines.push(...formatDetectorCost(cost, `cost by stage, ${corpus}`));
    lines.push('');
  }
  const t = r.targets;
  lines.push(`targets: chat >= ${t.chatMcharsPerSecond}, dense >= ${t.denseMcharsPerSecond} Mchars/s, ` +
    `>= ${t.ratioVsBaseline}x baseline, recall ${pct(t.recall)}: ${r.targetsMet ? 'met' : 'NOT met'}`);
  return lines.join('\n');
}

function latencyCells(l: { p50: number; p90: number; p99: number; p999: number; max: number }): string[] {
  return [l.p50, l.p90, l.p99, l.p999, l.max].map(String);
}
