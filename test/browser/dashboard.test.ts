// The live dashboard (GET / of a real twin server) in headless Chromium:
// traffic from real ws clients shows in the counters and the charts as the
// stream's snapshots arrive, nothing but the server itself is fetched, no
// error is logged, and the page notices when the server goes away.
// Screenshot in test-artifacts/browser/dashboard.png.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS_DIR, chromiumMissing, launchChromium, type Browser } from './chromium.js';
import { startTestServer } from '../server/helpers/test-server.js';
import { TestClient } from '../server/helpers/ws-client.js';
import type { RunningServer } from '../../server/index.js';

const missing = chromiumMissing();
if (missing) console.warn(`SKIPPED dashboard browser test: ${missing}`);

interface LiveChart {
  painted: number;
  width: number;
  datasets: { label: string; points: number; drawn: number; last: number | null; stacked: boolean; fill: unknown }[];
}

// Runs in the page: what Chart.js holds for each chart and how much of its canvas is painted.
const PROBE = `(() => {
  const charts = {};
  for (const [id, chart] of Object.entries(window.cctwinCharts || {})) {
    const { width, height } = chart.canvas;
    const px = chart.canvas.getContext('2d').getImageData(0, 0, width, height).data;
    let painted = 0;
    for (let i = 3; i < px.length; i += 4) if (px[i] > 0) painted++;
    charts[id] = { painted, width, datasets: chart.data.datasets.map((d, i) => ({
      label: d.label, points: d.data.length, drawn: chart.getDatasetMeta(i).data.length,
      last: d.data.length ? d.data[d.data.length - 1].y : null, stacked: !!chart.options.scales.y.stacked, fill: d.fill ?? null,
    })) };
  }
  return charts;
})()`;

async function snapshotsSeen(page: Page): Promise<number> {
  return Number(await page.evaluate('document.body.dataset.snapshots'));
}

/**
 * Polls an expression in the page. (Playwright's waitForFunction compiles its
 * predicate inside the page, which the page's CSP forbids; evaluate does not.)
 */
async function waitUntil(page: Page, expression: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function counter(page: Page, id: string): Promise<string> {
  return page.locator(`#c-${id}`).innerText();
}

describe.skipIf(missing !== null)('live dashboard in headless Chromium', () => {
  let browser: Browser;
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer({ engineThread: 'worker' });
    browser = await launchChromium();
    // The shared launcher refuses every request that is not a file read; this page may talk to its own server only.
    await browser.context.setOffline(false);
    await browser.context.route(`${server.url}/**`, (route) => route.continue());
    // Launching Chromium beside the rest of the suite on two busy cores has taken over 30 s.
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await server?.drain();
  });

  it('charts and counts real traffic as snapshots arrive, fetching nothing else', async () => {
    const desk = await TestClient.agent(server, 'desk-1');
    await desk.ok({ type: 'setState', state: 'available' });
    const answered = await TestClient.customer(server, 'whatsapp', 'c-answered');
    await answered.ok({ type: 'message', text: 'hello, my order is late' });
    const offer = await desk.next('offer');
    await desk.ok({ type: 'accept', offerId: offer.offerId });
    const waiting = await TestClient.customer(server, 'sms', 'c-waits'); // sales: its one agent is idle
    await waiting.ok({ type: 'message', text: 'anyone there?' });

    const page = await browser.open(`${server.url}/`);
    await waitUntil(page, 'Number(document.body.dataset.snapshots) >= 1', 10_000);
    expect(await counter(page, 'offered')).toBe('2');
    expect(await counter(page, 'answered')).toBe('1');
    expect(await counter(page, 'queue-depth')).toBe('1');
    expect(await counter(page, 'abandoned')).toBe('0');
    expect(await page.evaluate('document.body.dataset.stream')).toBe('open');

    // Traffic after the page opened shows up live.
    await waiting.ok({ type: 'abandon' });
    const seen = await snapshotsSeen(page);
    await waitUntil(page, `Number(document.body.dataset.snapshots) >= ${Math.max(2, seen + 1)}`, 10_000);
    await waitUntil(page, `document.getElementById('c-abandoned').textContent === '1'`, 5000);
    expect(await counter(page, 'queue-depth')).toBe('0');
    expect(await counter(page, 'slots')).toBe('1 / 7');
    expect(await counter(page, 'loop-delay')).toMatch(/^socket [\d.]+ ms · engine [\d.]+ ms$/);

    const charts = (await page.evaluate(PROBE)) as Record<string, LiveChart>;
    expect(Object.keys(charts).sort()).toEqual(['agent-states', 'conversations', 'queue-length']);
    const points = await snapshotsSeen(page);
    expect(points).toBeGreaterThanOrEqual(2);
    for (const [id, chart] of Object.entries(charts)) {
      expect(chart.width, id).toBeGreaterThan(200);
      expect(chart.painted, id).toBeGreaterThan(1000);
      for (const d of chart.datasets) {
        // A snapshot may land between the counter read and the probe.
        expect(d.points, `${id} ${d.label}`).toBeGreaterThanOrEqual(points);
        expect(d.drawn, `${id} ${d.label}`).toBe(d.points);
      }
    }
    const last = (id: string) => Object.fromEntries(charts[id]!.datasets.map((d) => [d.label, d.last]));
    expect(charts['queue-length']!.datasets.map((d) => d.label)).toEqual(['all queues', 'support', 'sales']);
    expect(last('queue-length')).toEqual({ 'all queues': 0, support: 0, sales: 0 });
    expect(charts['agent-states']!.datasets.map((d) => d.label)).toEqual(['engaged', 'available', 'idle', 'rona']);
    expect(charts['agent-states']!.datasets.every((d) => d.stacked)).toBe(true);
    // Stacked areas fill to the one below, so the top one does not paint over the rest.
    expect(charts['agent-states']!.datasets.map((d) => d.fill)).toEqual(['origin', '-1', '-1', '-1']);
    expect(last('agent-states')).toEqual({ engaged: 1, available: 0, idle: 3, rona: 0 });
    expect(last('conversations')).toEqual({ answered: 1, abandoned: 1, completed: 0 });
    // The queue chart went from 1 waiting to 0: both values are in its series.
    const queueSeries = (await page.evaluate(`window.cctwinCharts['queue-length'].data.datasets[0].data.map((p) => p.y)`)) as number[];
    expect(queueSeries[0]).toBe(1);
    expect(queueSeries.at(-1)).toBe(0);
    expect(await page.locator('#engine-latency tbody tr').count()).toBeGreaterThan(0);

    await page.screenshot({ path: join(ARTIFACTS_DIR, 'dashboard.png'), fullPage: true });
    expect(browser.refused).toEqual([]);
    expect(browser.errors).toEqual([]);

    // The server drains with the page still open, and the page says the stream is down.
    await server.drain();
    await waitUntil(page, `document.body.dataset.stream === 'down'`, 10_000);
    expect(await page.locator('#status').innerText()).not.toBe('live');
    await page.close();
  });
});
