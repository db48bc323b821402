import { describe, expect, it } from 'vitest';
import { ProgressBar, formatClock, wantsProgress, whileRunning, type ProgressStream } from './progress.js';

class FakeStream implements ProgressStream {
  text = '';
  writes = 0;
  constructor(readonly isTTY: boolean, readonly columns = 120) {}
  write(chunk: string): boolean {
    this.text += chunk;
    this.writes++;
    return true;
  }
  /** What a terminal shows (trailing blanks aside): each \r returns to the start of the line and overwrites it. */
  screen(): string[] {
    return this.text.split('\n').map((line) => line.split('\r').reduce((shown, drawn) => drawn + shown.slice(drawn.length), '').trimEnd());
  }
}

function fakeClock() {
  let t = 1000;
  return { now: () => t, advance: (ms: number) => { t += ms; } };
}

describe('wantsProgress', () => {
  it('follows --progress / --no-progress, else shows only on a terminal without --quiet', () => {
    expect(wantsProgress(undefined, new FakeStream(true))).toBe(true);
    expect(wantsProgress(undefined, new FakeStream(false))).toBe(false);
    expect(wantsProgress(undefined, new FakeStream(true), true)).toBe(false);
    expect(wantsProgress(true, new FakeStream(false), true)).toBe(true);
    expect(wantsProgress(false, new FakeStream(true))).toBe(false);
  });
});

describe('formatClock', () => {
  it('reads m:ss, and h:mm:ss from an hour on', () => {
    expect([0, 999, 61_000, 3_599_000, 3_600_000, 36_061_000].map(formatClock)).toEqual(['0:00', '0:01', '1:01', '59:59', '1:00:00', '10:01:01']);
  });
});

describe('ProgressBar on a terminal', () => {
  it('redraws one line in place with the share done, elapsed and remaining time', () => {
    const clock = fakeClock();
    const out = new FakeStream(true);
    const bar = new ProgressBar(out, { label: 'run', total: 200, now: clock.now });
    clock.advance(10_000);
    bar.update(50);
    expect(out.screen()).toEqual([`run  [${'#'.repeat(6)}${'-'.repeat(18)}]   25%  50/200  0:10 elapsed  ~0:30 left`]);
    clock.advance(20_000);
    bar.update(150);
    expect(out.text.includes('\n')).toBe(false);
    expect(out.screen()[0]).toBe(`run  [${'#'.repeat(18)}${'-'.repeat(6)}]   75%  150/200  0:30 elapsed  ~0:10 left`);
    clock.advance(5_000);
    bar.finish();
    expect(out.screen()).toEqual([`run  [${'#'.repeat(24)}]  100%  200/200  0:35 elapsed  done`, '']);
  });

  it('redraws at most every 100 ms however often it is told', () => {
    const clock = fakeClock();
    const out = new FakeStream(true);
    const bar = new ProgressBar(out, { label: 'run', total: 1000, now: clock.now });
    for (let i = 1; i <= 1000; i++) {
      clock.advance(1);
      bar.update(i);
    }
    expect(out.writes).toBeGreaterThanOrEqual(10);
    expect(out.writes).toBeLessThanOrEqual(11);
  });

  it('shows a note instead of the estimate, and a shorter line wipes the longer one', () => {
    const clock = fakeClock();
    const out = new FakeStream(true);
    const bar = new ProgressBar(out, { label: 'run', total: 100, now: clock.now, describe: (d) => `${d} simulated minutes so far` });
    bar.update(10);
    clock.advance(200);
    bar.update(100, 'draining');
    const [shown] = out.screen();
    expect(shown).toMatch(/100%  100 simulated minutes so far  0:00 elapsed  draining$/);
    const long = new ProgressBar(out, { label: 'x', total: 5, now: clock.now, describe: (d) => (d === 1 ? 'a much longer description' : 'short') });
    out.text = '';
    long.update(1);
    clock.advance(200);
    long.update(2);
    expect(out.screen()[0]).toMatch(/short  0:00 elapsed  ~0:00 left$/);
  });

  it('says it cannot tell the time left before anything is done', () => {
    const out = new FakeStream(true);
    new ProgressBar(out, { label: 'run', total: 10, now: fakeClock().now }).update(0);
    expect(out.screen()[0]).toMatch(/0%  0\/10  0:00 elapsed  \? left$/);
  });

  it('without a total shows the count and the elapsed time, and ticks on its own', () => {
    const clock = fakeClock();
    const out = new FakeStream(true);
    const bar = new ProgressBar(out, { label: '4 replications on 2 threads', total: null, now: clock.now, describe: () => 'running' });
    bar.tick();
    clock.advance(65_000);
    bar.tick();
    expect(out.screen()[0]).toBe('4 replications on 2 threads  running  1:05 elapsed');
    expect(out.screen()[0]).not.toMatch(/left|%/);
  });

  it('fits the line to the terminal width: a shorter bar first, then cut; 80 columns when the terminal does not say', () => {
    const clock = fakeClock();
    const fits = new FakeStream(true, 70);
    const bar = new ProgressBar(fits, { label: 'quickstart', total: 10, now: clock.now });
    clock.advance(4000);
    bar.update(5);
    // 76 characters with the full bar: 7 too many for 69, so a bar of 17.
    expect(fits.screen()[0]).toBe(`quickstart  [${'#'.repeat(9)}${'-'.repeat(8)}]   50%  5/10  0:04 elapsed  ~0:04 left`);
    const out = new FakeStream(true, 40);
    new ProgressBar(out, { label: 'a long label for a narrow terminal', total: 10, now: fakeClock().now }).update(3);
    expect(out.screen()[0]!.length).toBeLessThanOrEqual(39);
    const unsized = new FakeStream(true, 0);
    new ProgressBar(unsized, { label: 'run', total: 10, now: fakeClock().now }).update(3);
    expect(unsized.screen()[0]).toMatch(/~0:00 left$/);
  });
});

describe('ProgressBar following a source', () => {
  it('reads the source at each redraw, takes its total and note, and finishes at the total', () => {
    const clock = fakeClock();
    const out = new FakeStream(true);
    let reached = 0;
    let note = '';
    const bar = new ProgressBar(out, { label: 'sweep', total: null, now: clock.now, describe: (d) => `${d}ms simulated` });
    bar.tick();
    expect(out.screen()[0]).toBe('sweep  0ms simulated  0:00 elapsed');
    bar.follow(() => ({ done: reached, note }), 400);
    reached = 100;
    clock.advance(10_000);
    bar.tick();
    expect(out.screen()[0]).toBe(`sweep  [${'#'.repeat(6)}${'-'.repeat(18)}]   25%  100ms simulated  0:10 elapsed  ~0:30 left`);
    // Not read between redraws: a tick too soon draws nothing.
    reached = 200;
    clock.advance(50);
    bar.tick();
    expect(out.screen()[0]).toMatch(/25%/);
    reached = 400;
    note = 'draining';
    clock.advance(50);
    bar.tick();
    expect(out.screen()[0]).toMatch(/100%  400ms simulated  0:10 elapsed  draining$/);
    bar.finish();
    expect(out.screen()[0]).toBe(`sweep  [${'#'.repeat(24)}]  100%  400ms simulated  0:10 elapsed  done`);
  });
});

describe('ProgressBar into a file or pipe', () => {
  it('writes whole lines, no carriage returns, at most every 2 s, and ends with the final line', () => {
    const clock = fakeClock();
    const out = new FakeStream(false);
    const bar = new ProgressBar(out, { label: 'sweep', total: 10, now: clock.now });
    for (let i = 1; i <= 10; i++) {
      clock.advance(500);
      bar.update(i);
    }
    bar.finish();
    bar.finish();
    expect(out.text).not.toContain('\r');
    const lines = out.text.trimEnd().split('\n');
    expect(lines.length).toBe(4);
    expect(lines.at(-1)).toMatch(/^sweep  \[#{24}\]  100%  10\/10  0:05 elapsed  done$/);
  });
});

describe('whileRunning', () => {
  it('redraws the elapsed time while the work runs, then finishes the bar with its result', async () => {
    const clock = fakeClock();
    const out = new FakeStream(false);
    const bar = new ProgressBar(out, { label: 'sweep', total: null, now: clock.now, redrawMs: 0, describe: (d) => `${d} points` });
    const result = await whileRunning(bar, async () => {
      for (let i = 0; i < 3; i++) {
        clock.advance(1000);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return [1, 2, 3, 4];
    }, (r) => r.length, 5);
    expect(result).toEqual([1, 2, 3, 4]);
    const lines = out.text.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(4);
    expect(lines).toContain('sweep  0 points  0:01 elapsed');
    expect(lines.at(-1)).toBe('sweep  4 points  0:03 elapsed  done');
  });

  it('ends the line and passes the error on when the work fails', async () => {
    const out = new FakeStream(true);
    const bar = new ProgressBar(out, { label: 'run', total: 3, now: fakeClock().now });
    await expect(whileRunning(bar, async () => { throw new Error('boom'); }, () => 0)).rejects.toThrow('boom');
    expect(out.text.endsWith('\n')).toBe(true);
  });
});
