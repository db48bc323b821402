// What a report page's charts hold once drawn, read from inside the page:
// shared by the run report's and the load report's browser tests.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

export interface DrawnChart {
  type: string;
  width: number;
  height: number;
  /** Pixels with any paint on them. */
  painted: number;
  datasets: { label: string; points: number; drawn: number; visible: boolean; colorPixels: number; data: (number | null)[] }[];
}

// Runs in the page: what Chart.js holds for each chart, and how many pixels
// of each series' own colour the canvas shows.
const PROBE = `(() => {
  const parse = (c) => { const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(String(c)); return m ? [1, 2, 3].map((i) => parseInt(m[i], 16)) : null; };
  const charts = {};
  for (const [id, chart] of Object.entries(window.cctwinCharts || {})) {
    const canvas = chart.canvas;
    const { width, height } = canvas;
    const px = canvas.getContext('2d').getImageData(0, 0, width, height).data;
    let painted = 0;
    for (let i = 3; i < px.length; i += 4) if (px[i] > 0) painted++;
    const datasets = chart.data.datasets.map((d, i) => {
      const rgb = parse(Array.isArray(d.backgroundColor) ? d.backgroundColor[0] : d.borderColor);
      let colorPixels = 0;
      if (rgb) for (let p = 0; p < px.length; p += 4) {
        if (px[p + 3] > 100 && Math.abs(px[p] - rgb[0]) < 24 && Math.abs(px[p + 1] - rgb[1]) < 24 && Math.abs(px[p + 2] - rgb[2]) < 24) colorPixels++;
      }
      return { label: d.label, points: d.data.length, drawn: chart.getDatasetMeta(i).data.length, visible: chart.isDatasetVisible(i), colorPixels, data: d.data.map((v) => (typeof v === 'object' && v !== null ? v.y : v)) };
    });
    charts[id] = { type: chart.config.type, width, height, painted, datasets };
  }
  return { state: document.body.dataset.charts, charts };
})()`;

/** Waits for the page's script to finish, expects it drew without error, and returns each chart by canvas id. */
export async function drawnCharts(page: Page): Promise<Record<string, DrawnChart>> {
  await page.waitForFunction('document.body.dataset.charts !== undefined', undefined, { timeout: 15_000 });
  const probe = (await page.evaluate(PROBE)) as { state: string; charts: Record<string, DrawnChart> };
  expect(probe.state).toBe('drawn');
  return probe.charts;
}
