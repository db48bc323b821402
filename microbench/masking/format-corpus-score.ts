// The corpus score as a text report.
import { CORPUS_TYPES, type CorpusScore, type GroupScore, type Tally } from './corpus-score.js';

function pct(n: number): string {
  return `${(n * 100).toFixed(1)}%`;
}

function cell(t: Tally | undefined): string {
  return t && t.values > 0 ? `${pct(t.recall)} ${t.found}/${t.values}` : '-';
}

function row(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((c, k) => (k === 0 ? c.padEnd(widths[k]) : c.padStart(widths[k]))).join('  ');
}

function groupTable(title: string, groups: Record<string, GroupScore>): string[] {
  const w = [14, 17, 17, 17, 17, 17, 19, 15];
  const lines = [row([title, ...CORPUS_TYPES, 'all values', 'PII-free altered'], w)];
  for (const [name, g] of Object.entries(groups).sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(row([name, ...CORPUS_TYPES.map((t) => cell(g.byType[t])), cell(g.overall),
      `${pct(g.piiFree.share)} ${g.piiFree.altered}/${g.piiFree.lines}`], w));
  }
  return lines;
}

function clip(s: string, n = 140): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

export function formatCorpusScore(s: CorpusScore, maxForms = 25): string {
  const lines: string[] = [];
  lines.push(`masking recall on ${s.lines} corpus lines from ${s.files.length} file(s): ${s.files.join(', ')}`);
  lines.push('(found: at most four letters/digits of a number left visible, an email\'s local part hidden after its first character)');
  lines.push('');
  const w = [8, 8, 8, 8, 8, 8];
  lines.push(row(['type', 'values', 'found', 'partial', 'missed', 'recall'], w));
  for (const t of CORPUS_TYPES) {
    const x = s.byType[t];
    if (x) lines.push(row([t, String(x.values), String(x.found), String(x.partial), String(x.missed), pct(x.recall)], w));
  }
  const o = s.overall;
  lines.push(row(['all', String(o.values), String(o.found), String(o.partial), String(o.missed), pct(o.recall)], w));
  lines.push('');
  lines.push(`PII-free lines altered: ${s.piiFree.altered}/${s.piiFree.lines} (${pct(s.piiFree.share)}); ` +
    `lines with values masked beyond them: ${s.overMasked.lines}/${s.overMasked.of}` +
    (s.unaligned > 0 ? `; ${s.unaligned} lines whose masked output did not line up (judged verbatim)` : ''));
  lines.push('');
  lines.push(...groupTable('generator', s.byGenerator));
  lines.push('');
  lines.push(...groupTable('locale', s.byLocale));
  const forms = Object.entries(s.byForm).filter(([, t]) => t.found < t.values)
    .sort(([, a], [, b]) => (b.values - b.found) - (a.values - a.found));
  if (forms.length > 0) {
    lines.push('');
    lines.push(`forms with misses (${forms.length}; the ${Math.min(maxForms, forms.length)} with most):`);
    for (const [form, t] of forms.slice(0, maxForms)) {
      lines.push(`  ${form.padEnd(48)} ${String(t.values - t.found).padStart(5)} of ${String(t.values).padStart(5)} not found (${t.partial} partial)`);
    }
  }
  if (s.misses.length > 0) {
    lines.push('');
    lines.push(`first ${s.misses.length} values not found:`);
    for (const m of s.misses) {
      lines.push(`  ${m.where} ${m.generator} ${m.locale} ${m.type}${m.form ? ` (${m.form})` : ''} ${m.verdict}: ${JSON.stringify(m.value)}`);
      lines.push(`      text:   ${clip(m.text)}`);
      lines.push(`      masked: ${clip(m.masked)}`);
    }
  }
  if (s.altered.length > 0) {
    lines.push('');
    lines.push(`first ${s.altered.length} PII-free lines altered:`);
    for (const a of s.altered) {
      lines.push(`  ${a.where} ${a.generator} ${a.locale}${a.form !== undefined ? ` (${a.form})` : ''}`);
      lines.push(`      text:   ${clip(a.text)}`);
      lines.push(`      masked: ${clip(a.masked)}`);
    }
  }
  if (s.overMaskedExamples.length > 0) {
    lines.push('');
    lines.push(`first ${s.overMaskedExamples.length} lines masked beyond their values:`);
    for (const a of s.overMaskedExamples) {
      lines.push(`  ${a.where} ${a.generator} ${a.locale}${a.form !== undefined ? ` (${a.form})` : ''}`);
      lines.push(`      text:   ${clip(a.text)}`);
      lines.push(`      masked: ${clip(a.masked)}`);
    }
  }
  return lines.join('\n');
}
