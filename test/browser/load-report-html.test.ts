// A load run's report.html in headless Chromium: the page of a real
// `cctwin load --out` and of a hand-made report with refusals and failed
// verdicts open offline, draw every chart they should with the series they
// should, fetch nothing and log no error. Screenshots go to
// test-artifacts/browser/. Without Chromium these skip, saying why; the page's
// data and structure are tested without a browser in
// test/load/load-report-html.test.ts and load/html/load-page.test.ts.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, chromiumMissing, launchChromium, type Browser } from './chromium.js';
import { drawnCharts, type DrawnChart } from './drawn-charts.js';
import { runLoadCommand } from '../../bin/commands/load.js';
import { renderLoadHtml } from '../../load/html/load-page.js';
import { BASE_LABELS, type LoadPageData } from '../../load/html/load-page-data.js';
import { END_STATES } from '../../reports/report.js';
import { sampleLoadRun } from '../../load/sample-load-report.js';
import { loadChecks } from '../../load/load-checks.js';
import { loadArgs, setBudgets, SHORT, type LoadReport } from '../load/load-helpers.js';

const missing = chromiumMissing();
if (missing) console.warn(`SKIPPED browser tests: ${missing}`);

function embeddedData(html: string): LoadPageData {
  return JSON.parse(/<script type="application\/json" id="cctwin-data">([^<]*)<\/script>/.exec(html)![1]!) as LoadPageData;
}

/** Every chart the data calls for is drawn, not blank, each series present with its points, and no other chart. */
function expectChartsOf(data: LoadPageData, charts: Record<string, DrawnChart>): void {
  const expected: string[] = [];
  const series = (id: string, labels: string[], points: number): DrawnChart => {
    expected.push(id);
    const chart = charts[id];
    expect(chart, id).toBeDefined();
    expect(chart!.width).toBeGreaterThan(200);
    expect(chart!.height).toBeGreaterThan(100);
    expect(chart!.datasets.map((d) => d.label)).toEqual(labels);
    for (const d of chart!.datasets) {
      expect(d.visible, `${id} ${d.label}`).toBe(true);
      expect(d.points, `${id} ${d.label}`).toBe(points);
      expect(d.drawn, `${id} ${d.label}`).toBe(points);
    }
    return chart!;
  };
  for (const p of data.percentiles) {
    const shown = p.series.filter((s) => s.count > 0);
    if (shown.length === 0) continue;
    expected.push(`pct-${p.measure}`);
    const chart = charts[`pct-${p.measure}`]!;
    expect(chart, p.measure).toBeDefined();
    expect(chart.datasets.map((d) => d.label)).toEqual(shown.map((s) => BASE_LABELS[s.base]));
    shown.forEach((s, i) => {
      const d = chart.datasets[i]!;
      expect(d.points).toBe(s.points.length);
      expect(d.data).toEqual(s.points.map(([, y]) => y));
      expect(d.colorPixels, `pct-${p.measure} ${s.base}`).toBeGreaterThan(50);
    });
  }
  if (data.timeline) {
    const n = data.timeline.seconds.length;
    for (const [measure, m] of Object.entries(data.timeline.latency)) {
      const chart = series(`over-time-${measure}`, ['p99 from the scheduled moment', 'p99 from the send', 'p50 from the scheduled moment', 'p50 from the send'], n);
      expect(chart.datasets[0]!.data).toEqual(m.fromScheduled.p99);
      if (m.fromScheduled.p99.some((v) => v !== null)) expect(chart.datasets[0]!.colorPixels, `over-time-${measure}`).toBeGreaterThan(20);
    }
    const rates = series('traffic-rates', ['chat messages/s', 'frames/s'], n);
    expect(rates.datasets[1]!.data).toEqual(data.timeline.framesPerSecond);
    expect(rates.datasets[1]!.colorPixels).toBeGreaterThan(20);
    const conns = series('connections', ['open connections'], n);
    expect(conns.datasets[0]!.data).toEqual(data.timeline.connections);
    expect(conns.datasets[0]!.colorPixels).toBeGreaterThan(20);
  }
  if (data.refusals.labels.length > 0) {
    const chart = series('refusals', ['refused frames'], data.refusals.labels.length);
    expect(chart.datasets[0]!.data).toEqual(data.refusals.counts);
    expect(chart.datasets[0]!.colorPixels).toBeGreaterThan(50);
  }
  const endStates = series('end-states', ['conversations'], END_STATES.length);
  expect(endStates.datasets[0]!.data).toEqual(data.endStates.counts);
  for (const [id, chart] of Object.entries(charts)) expect(chart.painted, id).toBeGreaterThan(1000);
  expect(Object.keys(charts).sort()).toEqual(expected.sort());
}

describe.skipIf(missing !== null)('load report.html in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('draws every chart of a real `cctwin load --out`, offline, with the series of its histograms and timeline', async () => {
    const out = mkdtempSync(join(tmpdir(), 'cctwin-load-html-'));
    const status = await runLoadCommand(loadArgs({ quiet: true, out, set: [SHORT, setBudgets('customerToAgent.p99 <= 30s', 'engine.route.p99 <= 200us')] }), undefined, {}, { stdout: () => {}, stderr: () => {} });
    expect(status).toBe(0);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as LoadReport;
    const page = await browser.open(pathToFileURL(join(out, 'report.html')).href);
    const data = embeddedData(html);
    expect(data.timeline).not.toBeNull();
    expectChartsOf(data, await drawnCharts(page));
    expect(await page.locator('#budgets tr.pass, #budgets tr.skip').count()).toBe(report.budgets.length);
    expect(await page.locator('#checks tr.pass').count()).toBe(2);
    expect(await page.locator('#verdict').innerText()).toContain('Pass');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'load-report-run.png'), fullPage: true });
    expect(browser.refused).toEqual([]);
    expect(browser.errors).toEqual([]);
    await page.close();
  });

  it('draws refusals and shows failed verdicts of a report that has them', async () => {
    const { report, histograms } = sampleLoadRun(6);
    report.budgets = [{ budget: 'customerToAgent.p99 <= 1us', value: 9000, pass: false, unit: 'us' }];
    report.maskingLeaks.count = 1;
    report.checks = loadChecks(report);
    const file = join(mkdtempSync(join(tmpdir(), 'cctwin-load-html-')), 'report.html');
    const html = renderLoadHtml(report, histograms, { subtitle: 'sample' });
    writeFileSync(file, html);
    const page = await browser.open(pathToFileURL(file).href);
    const data = embeddedData(html);
    expect(data.refusals.labels.length).toBeGreaterThan(0);
    expectChartsOf(data, await drawnCharts(page));
    expect(await page.locator('#budgets tr.fail').count()).toBe(1);
    expect(await page.locator('#checks tr.fail').count()).toBe(1);
    expect(await page.locator('#verdict').innerText()).toContain('maskingLeaks.count == 0');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'load-report-sample.png'), fullPage: true });
    expect(browser.refused).toEqual([]);
    expect(browser.errors).toEqual([]);
    await page.close();
  });
});
