// Prometheus text exposition format (version 0.0.4): families with HELP and
// TYPE, samples with escaped labels. Summaries come from HDR histograms
// (cumulative since start); their _sum is mean x count, as HDR keeps no sum.
import { convertTime } from '../../reports/time-unit.js';
import type { HistogramSummary } from '../../reports/histogram.js';

export type Labels = Record<string, string>;

export class PrometheusText {
  private readonly lines: string[] = [];
  private current = '';

  family(name: string, type: 'gauge' | 'counter' | 'summary', help: string): this {
    this.current = name;
    this.lines.push(`# HELP ${name} ${help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}`, `# TYPE ${name} ${type}`);
    return this;
  }

  sample(name: string, value: number, labels: Labels = {}): this {
    this.lines.push(`${name}${labelText(labels)} ${formatValue(value)}`);
    return this;
  }

  /** One sample of the current family per item. */
  sampleEach<T>(items: Iterable<T>, sampleOf: (item: T) => [number, Labels]): this {
    for (const item of items) {
      const [value, labels] = sampleOf(item);
      this.sample(this.current, value, labels);
    }
    return this;
  }

  /** One summary's samples, converted to seconds. */
  summary(name: string, h: HistogramSummary, labels: Labels = {}): this {
    const s = (v: number): number => convertTime(v, h.unit, 's');
    for (const [q, v] of [['0.5', h.p50], ['0.9', h.p90], ['0.99', h.p99], ['0.999', h.p999]] as const) {
      this.sample(name, s(v), { ...labels, quantile: q });
    }
    this.sample(`${name}_sum`, s(h.mean * h.count), labels);
    this.sample(`${name}_count`, h.count, labels);
    return this;
  }

  text(): string {
    return `${this.lines.join('\n')}\n`;
  }
}

function labelText(labels: Labels): string {
  const entries = Object.entries(labels);
  if (entries.length === 0) return '';
  return `{${entries.map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`).join(',')}}`;
}

function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return String(v);
}
