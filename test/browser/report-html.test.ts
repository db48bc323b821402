// report.html in headless Chromium: the page of a real `cctwin run --out`
// and the page of the full fixture (every optional section) open offline,
// draw every chart they should with the series they should, fetch nothing,
// and log no error. Screenshots go to test-artifacts/browser/.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS_DIR, chromiumMissing, launchChromium, type Browser } from './chromium.js';
import { drawnCharts, type DrawnChart } from './drawn-charts.js';
import { readHlog, unitOfTag } from '../../reports/hlog.js';
import { pageData, type PageData } from '../../reports/html/page-data.js';
import { renderHtml } from '../../reports/html/render-html.js';
import { fixtureRun } from '../../reports/html/fixture-report.js';
import { END_STATES, HISTOGRAM_NAMES, type HistogramName, type Report } from '../../reports/report.js';
import type { LatencyHistogram } from '../../reports/histogram.js';

const missing = chromiumMissing();
if (missing) console.warn(`SKIPPED browser tests: ${missing}`);

/** Every chart the data calls for is drawn, not blank, each series present with its points, and no other chart. */
function expectChartsOf(data: PageData, charts: Record<string, DrawnChart>): void {
  const expected: string[] = [];
  const series = (id: string, labels: string[], points: number) => {
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
    if (p.count === 0) continue;
    const chart = series(`pct-${p.name}`, [p.name], p.points.length);
    expect(chart.datasets[0]!.colorPixels, `pct-${p.name} curve`).toBeGreaterThan(100);
    expect(chart.datasets[0]!.data).toEqual(p.points.map(([, y]) => y));
  }
  if (data.intervals) {
    const chart = series('interval-figures', [`service level (${data.intervals.thresholdSeconds}s)`, 'abandon rate', 'occupancy'], data.intervals.labels.length);
    expect(chart.datasets[0]!.data).toEqual(data.intervals.serviceLevel);
    for (const d of chart.datasets) expect(d.colorPixels, d.label).toBeGreaterThan(50);
  }
  if (data.timeSeries) {
    const n = data.timeSeries.seconds.length;
    expect(series('queue-length', ['queue length'], n).datasets[0]!.colorPixels).toBeGreaterThan(50);
    expect(series('occupancy-over-time', ['occupancy'], n).datasets[0]!.colorPixels).toBeGreaterThan(50);
    const states = series('agent-states', ['engaged', 'available', 'idle', 'rona'], n);
    for (const d of states.datasets) {
      const values = d.data as number[];
      if (values.some((v) => v > 0)) expect(d.colorPixels, `agent-states ${d.label}`).toBeGreaterThan(20);
    }
  }
  const endStates = series('end-states', ['conversations'], END_STATES.length);
  expect(endStates.datasets[0]!.data).toEqual(data.endStates.counts);
  expect(endStates.datasets[0]!.colorPixels).toBeGreaterThan(100);
  for (const chart of Object.values(charts)) expect(chart.painted).toBeGreaterThan(1000);
  expect(Object.keys(charts).sort()).toEqual(expected.sort());
}

describe.skipIf(missing !== null)('report.html in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('draws every chart of a real `cctwin run --out`, offline, with the series of its histograms and report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cctwin-html-'));
    const run = spawnSync(process.execPath, [join(process.cwd(), 'dist', 'bin', 'cctwin.js'), 'run', 'scenarios/quickstart.yaml',
      '--set', 'duration=1h', '--set', 'warmup=10m', '--replications', '2', '--threads', '1', '--quiet', '--out', dir], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect([0, 1]).toContain(run.status);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Report;
    // The histograms as histograms.hlog carries them: what the page's curves must come from.
    const logged = readHlog(readFileSync(join(dir, 'histograms.hlog'), 'utf8'));
    const histograms = {} as Record<HistogramName, LatencyHistogram>;
    for (const name of HISTOGRAM_NAMES) histograms[name] = { unit: unitOfTag(name)!, hdr: logged.get(name)!.hdr };

    const page = await browser.open(pathToFileURL(join(dir, 'report.html')).href);
    const charts = await drawnCharts(page);
    expectChartsOf(pageData(report, histograms), charts);
    expect(charts['pct-answerTime']).toBeDefined();
    expect(await page.locator('#budgets tr.pass, #budgets tr.fail').count()).toBe(report.budgets.length);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'report-run.png'), fullPage: true });
    expect(browser.refused).toEqual([]);
    expect(browser.errors).toEqual([]);
    await page.close();
  });

  it('draws the per-interval, over-time and stacked agent-state charts of a report that has them', async () => {
    const { report, histograms } = fixtureRun(3, 3);
    const file = join(mkdtempSync(join(tmpdir(), 'cctwin-html-')), 'report.html');
    writeFileSync(file, renderHtml(report, histograms, { subtitle: 'fixture' }));
    const page = await browser.open(pathToFileURL(file).href);
    const charts = await drawnCharts(page);
    const data = pageData(report, histograms);
    expect(data.intervals).not.toBeNull();
    expect(data.timeSeries).not.toBeNull();
    expectChartsOf(data, charts);
    expect(await page.locator('#budgets tr.fail').count()).toBe(report.budgets.filter((b) => !b.pass).length);
    await expectText(page, '#key-figures', '95% CI');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'report-fixture.png'), fullPage: true });
    expect(browser.refused).toEqual([]);
    expect(browser.errors).toEqual([]);
    await page.close();
  });
});

async function expectText(page: Page, selector: string, text: string): Promise<void> {
  expect(await page.locator(selector).innerText()).toContain(text);
}
