// `cctwin load --out` writes report.html: a real short run's page, read as
// text (that it draws in a browser: test/browser/load-report-html.test.ts).
// Its chart data must be exactly what the run measured: the percentile
// curves from the histograms load.hlog holds, the timeline from the same
// intervals, the verdicts and figures from report.json.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATENCY_BASES, LOAD_MEASURES } from '../../load/index.js';
import { loadPageData, type LoadPageData } from '../../load/html/load-page-data.js';
import { CSP } from '../../reports/html/render-html.js';
import { loadArgs, runCommand, setBudgets, SHORT, wholeFromHlog, type LoadReport } from './load-helpers.js';

function embeddedData(page: string): LoadPageData {
  const m = /<script type="application\/json" id="cctwin-data">([^<]*)<\/script>/.exec(page);
  return JSON.parse(m![1]!) as LoadPageData;
}

describe('cctwin load --out report.html', () => {
  it('writes a self-contained page whose charts hold what the run measured, with its verdicts', async () => {
    const out = mkdtempSync(join(tmpdir(), 'cctwin-load-html-'));
    const r = await runCommand(loadArgs({ quiet: true, out, set: [SHORT, setBudgets('customerToAgent.p99 <= 30s', 'engine.route.p99 <= 200us')] }));
    expect(r.status).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as LoadReport;
    const html = readFileSync(join(out, 'report.html'), 'utf8');

    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(`content="${CSP}"`);
    expect(html).not.toMatch(/\s(src|href)\s*=/i);
    expect(html.match(/<script\b/g)).toHaveLength(3);

    const data = embeddedData(html);
    // The curves come from the run's whole histograms: the same as every interval of load.hlog merged.
    expect(data).toEqual(JSON.parse(JSON.stringify(loadPageData(report, wholeFromHlog(join(out, 'load.hlog'))))));
    for (const m of LOAD_MEASURES) {
      for (const b of LATENCY_BASES) {
        const series = data.percentiles.find((p) => p.measure === m)!.series.find((s) => s.base === b)!;
        expect(series.count, `${m}.${b}`).toBe(report.latency[m][b].count);
        expect(series.count).toBeGreaterThan(0);
        // The timeline's intervals add up to the run's count.
        expect(report.timeline.latency[m][b].count.reduce((x, y) => x + y, 0), `${m}.${b}`).toBe(report.latency[m][b].count);
      }
      expect(html).toContain(`<canvas id="pct-${m}"`);
      expect(html).toContain(`<canvas id="over-time-${m}"`);
    }
    expect(data.timeline!.seconds.length).toBe(report.timeline.startSeconds.length);
    expect(data.timeline!.seconds.length).toBeGreaterThan(3);
    expect(Math.max(...data.timeline!.connections)).toBeLessThanOrEqual(report.traffic.peakConnections);
    expect(Math.max(...data.timeline!.connections)).toBeGreaterThan(20);
    expect(data.endStates.counts.reduce((x, y) => x + y, 0)).toBe(report.conversations.arrived);

    expect(html).toContain('<p class="ok" id="verdict">Pass');
    const budgets = /<table id="budgets">.*?<\/table>/s.exec(html)![0];
    expect(budgets).toContain('<tr class="pass"><td><code>customerToAgent.p99 &lt;= 30s</code>');
    expect(budgets).toContain('<tr class="skip"><td><code>engine.route.p99 &lt;= 200us</code>');
    expect(html).toContain('id="balance-verdict">Client and server agree');
    expect(html).toContain(`in ${report.maskingLeaks.framesChecked.toLocaleString('en-US')} agent frames`);
  });
});
