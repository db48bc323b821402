// The load run's page as text, from a hand-made load report: self-contained,
// escaped, with its tables, canvases and exactly the chart data computed from
// the report and histograms. A real run's page: test/load/load-report-html.test.ts;
// that the charts draw: test/browser/load-report-html.test.ts.
import { describe, expect, it } from 'vitest';
import { sampleLoadRun } from '../sample-load-report.js';
import { compareBalance } from '../balance.js';
import { loadChecks } from '../load-checks.js';
import { LOAD_MEASURES } from '../load-histograms.js';
import { renderLoadHtml } from './load-page.js';
import { loadPageData, type LoadPageData } from './load-page-data.js';
import { MAX_DRAWN_POINTS } from '../../reports/html/page-data.js';
import { CSP } from '../../reports/html/render-html.js';

function embeddedData(page: string): LoadPageData {
  const m = /<script type="application\/json" id="cctwin-data">([^<]*)<\/script>/.exec(page);
  return JSON.parse(m![1]!) as LoadPageData;
}

const run = sampleLoadRun(4);
const html = renderLoadHtml(run.report, run.histograms, { subtitle: 'cctwin load sample.yaml' });

describe('renderLoadHtml', () => {
  it('is one self-contained page: Chart.js inlined, nothing to fetch, the run page\'s policy forbidding fetches', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('Chart.js v4');
    expect(html).toContain(`content="${CSP}"`);
    expect(html).not.toMatch(/\s(src|href)\s*=/i);
    expect(html.match(/<script\b/g)).toHaveLength(3);
    expect(html.match(/<\/script>/g)).toHaveLength(3);
  });

  it('embeds exactly the chart data computed from the report and histograms: both curves per latency, in ms', () => {
    const data = embeddedData(html);
    expect(data).toEqual(JSON.parse(JSON.stringify(loadPageData(run.report, run.histograms))));
    for (const p of data.percentiles) {
      expect(p.series.map((s) => s.base)).toEqual(['fromScheduled', 'fromSent']);
      const [scheduled, sent] = p.series;
      expect(scheduled!.count).toBe(run.report.latency[p.measure].fromScheduled.count);
      // Drawn in ms; the report holds µs.
      expect(scheduled!.max).toBeCloseTo(run.report.latency[p.measure].fromScheduled.max / 1000, 6);
      expect(sent!.max).toBeLessThan(scheduled!.max);
    }
    // One point per interval; the empty interval is a gap, not a zero.
    expect(data.timeline!.seconds).toEqual([0, 1, 2, 3]);
    expect(data.timeline!.pointsPerDrawn).toBe(1);
    expect(data.timeline!.latency.offer.fromSent.p99[1]).toBeNull();
    expect(data.timeline!.latency.offer.fromSent.p99[0]).toBeCloseTo(run.report.timeline.latency.offer.fromSent.p99[0]! / 1000, 6);
    expect(data.refusals).toEqual({ labels: ['accept E_UNKNOWN_OFFER', 'abandon E_BAD_STATE'], counts: [2, 1] });
  });

  it('has a canvas for every chart the data has', () => {
    const ids = [...LOAD_MEASURES.flatMap((m) => [`pct-${m}`, `over-time-${m}`]), 'traffic-rates', 'connections', 'refusals', 'end-states'];
    for (const id of ids) expect(html, id).toContain(`<canvas id="${id}"`);
    expect(html.match(/<canvas /g)).toHaveLength(ids.length);
  });

  it('tables the verdicts, key figures, latencies, masking, balance and traffic', () => {
    expect(html).toContain('<p class="ok" id="verdict">Pass');
    expect(html).toContain('id="budgets-none"');
    const checks = /<table id="checks">.*?<\/table>/s.exec(html)![0];
    expect(checks.match(/<tr class="pass">/g)).toHaveLength(2);
    expect(checks).toContain('<code>maskingLeaks.count == 0</code>');
    const latency = /<table id="latency">.*?<\/table>/s.exec(html)![0];
    expect(latency.match(/<tr>/g)).toHaveLength(LOAD_MEASURES.length * 2 + 1);
    for (const id of ['key-figures', 'masking', 'balance', 'traffic', 'errors-by-code']) expect(html).toContain(`<table id="${id}">`);
    expect(html).toContain('id="masking-verdict">No card, IBAN, SSN, email or phone number reached an agent unmasked in 500 agent frames (the 120 values the run injected');
    expect(html).toContain('id="masking-detectors">The masking detectors, run again on the same frames, found nothing.');
    expect(html).toContain('id="balance-verdict">Client and server agree');
  });

  it('shows a failed budget, a leak and a balance that cannot be exact, with the reasons', () => {
    const { report, histograms } = sampleLoadRun(2);
    report.budgets = [{ budget: 'customerToAgent.p99 <= 1us', value: 9000, pass: false, unit: 'us' }, { budget: 'engine.route.p99 <= 200us', value: Number.NaN, pass: false, unit: 'ns', skipped: 'not measured by a load run' }];
    report.maskingLeaks.count = 2;
    report.maskingLeaks.byKind.card = 2;
    report.maskingLeaks.examples = [{ kind: 'card', frameType: 'message', field: 'text' }];
    report.maskingLeaks.detectors = { count: 1, byKind: { card: 0, iban: 0, ssn: 0, phone: 1, email: 0 }, examples: [{ kind: 'phone', frameType: 'offer', field: 'customer.number' }] };
    report.balance = compareBalance(report.balance.client, { ...report.balance.client, arrived: 41 }, 0, 1, ['1 customer connection(s) were open on the target before this run\'s first arrival']);
    report.checks = loadChecks(report);
    const page = renderLoadHtml(report, histograms);
    expect(page).toContain('id="verdict">Fail: <code>customerToAgent.p99 &lt;= 1us</code>, <code>maskingLeaks.count == 0</code>.');
    expect(/<table id="budgets">.*?<\/table>/s.exec(page)![0]).toMatch(/<tr class="fail"><td><code>customerToAgent.p99 &lt;= 1us<\/code><\/td><td>9ms<\/td><td>FAIL<\/td><\/tr>/);
    expect(page).toContain('engine.route.p99 &lt;= 200us: skipped, not measured by a load run');
    expect(page).toContain('id="masking-verdict">2 unmasked values reached agents while the tenant masks');
    expect(page).toContain('<code>card in message.text</code>');
    // The oracle's count by kind, the detectors' beside it; only the oracle's marks a row failed.
    expect(/<table id="masking">.*?<\/table>/s.exec(page)![0]).toContain('<tr class="fail"><td>card</td><td>2</td><td>0</td></tr><tr><td>iban</td><td>0</td><td>0</td></tr><tr><td>ssn</td><td>0</td><td>0</td></tr><tr><td>phone</td><td>0</td><td>1</td></tr>');
    expect(page).toContain('id="masking-detectors">The masking detectors, run again on the text fields of the same frames, found 1 value (not gating: the oracle gates), first <code>phone in offer.customer.number</code>.');
    expect(page).toContain('Cannot be exact: other traffic shares the target (1 conversation(s) this run did not start reached its agents; 1 customer connection(s) were open on the target before this run&#39;s first arrival)');
    expect(page).toContain('<li>arrived: client 40, server 41</li>');
  });

  it('escapes what the report names, so no text ends an element or opens markup', () => {
    const { report, histograms } = sampleLoadRun(1);
    report.scenario = '</script><script>alert(1)</script>';
    report.traffic.errorsByFrame = { '</script>x E_<b>': 1 };
    const page = renderLoadHtml(report, histograms);
    expect(page.match(/<script\b/g)).toHaveLength(3);
    expect(page).toContain('cctwin load report: &lt;/script&gt;');
    expect(embeddedData(page).refusals.labels).toEqual(['</script>x E_<b>']);
  });

  it('says so when the run closed no interval, and merges long runs into at most MAX_DRAWN_POINTS points (p99 the highest)', () => {
    const { report, histograms } = sampleLoadRun(1);
    report.timeline.startSeconds = [];
    const none = renderLoadHtml(report, histograms);
    expect(none).toContain('id="timeline-none"');
    expect(none).not.toContain('<canvas id="over-time-offer"');
    expect(embeddedData(none).timeline).toBeNull();

    const long = sampleLoadRun(1).report;
    const n = MAX_DRAWN_POINTS * 2 + 1;
    const t = long.timeline;
    t.startSeconds = Array.from({ length: n }, (_, i) => i);
    t.endSeconds = t.startSeconds.map((s) => s + 1);
    for (const m of LOAD_MEASURES) for (const b of ['fromScheduled', 'fromSent'] as const) {
      t.latency[m][b] = { count: t.startSeconds.map(() => 1), p50: t.startSeconds.map(() => 1000), p99: t.startSeconds.map((i) => (i % 3 === 1 ? 9000 : 2000)) };
    }
    t.framesPerSecond = t.startSeconds.map((i) => i % 3);
    t.messagesPerSecond = t.startSeconds.map(() => 4);
    t.connections = t.startSeconds.map((i) => i);
    const drawn = loadPageData(long, histograms).timeline!;
    expect(drawn.pointsPerDrawn).toBe(3);
    expect(drawn.seconds).toHaveLength(Math.ceil(n / 3));
    expect(drawn.seconds.length).toBeLessThanOrEqual(MAX_DRAWN_POINTS + 1);
    expect(drawn.latency.offer.fromSent.p99[0]).toBe(9);
    expect(drawn.latency.offer.fromSent.p50[0]).toBe(1);
    expect(drawn.framesPerSecond[0]).toBe(1);
    expect(drawn.connections[1]).toBe(5);
  });
});
