// The page as text: self-contained, escaped, with the tables and the data
// the charts draw. That the charts do draw is test/browser's job.
import { describe, expect, it } from 'vitest';
import { fixtureRun } from './fixture-report.js';
import { renderHtml } from './render-html.js';
import { pageData } from './page-data.js';
import { escapeHtml, jsonForScript, scriptForInline } from './escape.js';
import { sampleReport } from '../sample-report.js';

const run = fixtureRun(2, 3);
const html = renderHtml(run.report, run.histograms, { subtitle: 'cctwin run fixture.yaml' });

function embeddedData(page: string): unknown {
  const m = /<script type="application\/json" id="cctwin-data">([^<]*)<\/script>/.exec(page);
  return JSON.parse(m![1]!);
}

describe('renderHtml', () => {
  it('is one self-contained page: Chart.js inlined, nothing to fetch, and a policy that forbids fetching', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('Chart.js v4');
    expect(html).not.toMatch(/\s(src|href)\s*=/i);
    expect(html).not.toMatch(/sourceMappingURL/);
    expect(html).toContain(`content="default-src 'none'; script-src 'unsafe-inline'`);
    // Three scripts: the data, the library, the page's own.
    expect(html.match(/<script\b/g)).toHaveLength(3);
    expect(html.match(/<\/script>/g)).toHaveLength(3);
  });

  it('embeds exactly the chart data computed from the report and histograms', () => {
    expect(embeddedData(html)).toEqual(JSON.parse(JSON.stringify(pageData(run.report, run.histograms))));
  });

  it('has a canvas for every chart the data has', () => {
    for (const id of ['interval-figures', 'queue-length', 'occupancy-over-time', 'agent-states', 'end-states', 'pct-answerTime', 'pct-engine.route']) {
      expect(html).toContain(`<canvas id="${id}"`);
    }
  });

  it('tables every budget with its value and verdict', () => {
    const table = /<table id="budgets">.*?<\/table>/s.exec(html)![0];
    const rows = table.match(/<tr class="(pass|fail)">/g)!;
    expect(rows).toHaveLength(run.report.budgets.length);
    const failed = run.report.budgets.filter((b) => !b.pass).length;
    expect(failed).toBeGreaterThan(0);
    expect(table.match(/<td>FAIL<\/td>/g)).toHaveLength(failed);
    expect(html).toContain(`${failed} of ${run.report.budgets.length} budgets failed.`);
    expect(table).toContain('<code>engine.route.p99 &lt;= 200us</code>');
  });

  it('shows key figures with their 95% confidence intervals when there are replications, without them otherwise', () => {
    const ci = run.report.confidence!.serviceLevel;
    expect(html).toContain(`(95% CI ${(ci.low! * 100).toFixed(1)}% – ${(ci.high! * 100).toFixed(1)}%)`);
    const single = sampleReport(1);
    const plain = renderHtml(single, run.histograms);
    expect(plain).not.toContain('95% CI');
    expect(plain).toContain('<p class="none" id="intervals-none">');
    expect(plain).toContain('<p class="none" id="time-series-none">');
    expect(plain).toContain('<p class="none" id="budgets-none">');
    expect(plain).not.toContain('<canvas id="agent-states"');
  });

  it('escapes names that hold markup', () => {
    const report = structuredClone(run.report);
    report.scenario = '</script><img src=x onerror=alert(1)>';
    const page = renderHtml(report, run.histograms);
    expect(page).not.toContain('<img');
    expect(page).toContain('&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('escaping', () => {
  it('keeps data from closing its script element, and reads back the same', () => {
    const value = { a: '</script><script>alert(1)</script>', b: '<!-- x -->', c: '\u2028' };
    const text = jsonForScript(value);
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual(value);
  });
  it('keeps inlined code from closing its element, and refuses what it cannot make safe', () => {
    expect(scriptForInline('var s = "</script>";')).toBe('var s = "<\\/script>";');
    expect(() => scriptForInline('var s = "<!--";')).toThrow();
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
