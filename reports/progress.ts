// A progress bar for long runs, on stderr: how far, how long so far, and
// about how long is left. On a terminal it redraws one line in place; into a
// file or pipe (with --progress) it writes a plain line now and then. With no
// known total it shows the elapsed time and a count only. Progress comes from
// update() or, with follow(), is read at each redraw (counters that worker
// threads write: pipeline/threads/task-progress.ts).
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressOptions {
  label: string;
  /** Units of work in all; null when unknown (then no bar and no estimate). */
  total: number | null;
  /** How `done` reads, e.g. simulated time: (done) => "2h 10m simulated". Default: `done/total`. */
  describe?: (done: number, total: number | null) => string;
  /** The clock, in ms (tests pass a fake one). */
  now?: () => number;
  /** Least time between two redraws; default 100 ms on a terminal, 2 s elsewhere. */
  redrawMs?: number;
}

/** What a followed source says at a redraw: progress so far, and a note that replaces the estimate. */
export interface ProgressReading {
  done: number;
  note?: string;
}

const BAR_WIDTH = 24;
/** A narrow terminal shortens the bar down to this before it cuts the line. */
const MIN_BAR_WIDTH = 8;

/** Show progress when asked (`--progress`), never when told not to (`--no-progress`), else only on a terminal and not with --quiet. */
export function wantsProgress(flag: boolean | undefined, stream: ProgressStream, quiet = false): boolean {
  if (flag !== undefined) return flag;
  return stream.isTTY === true && !quiet;
}

/** `m:ss`, or `h:mm:ss` from an hour on. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

export class ProgressBar {
  private readonly now: () => number;
  private readonly startedMs: number;
  private readonly tty: boolean;
  private readonly redrawMs: number;
  private lastDrawMs = -Infinity;
  private done = 0;
  private note = '';
  private finished = false;
  private lastWidth = 0;
  private total: number | null;
  private source: (() => ProgressReading) | null = null;

  constructor(private readonly stream: ProgressStream, private readonly options: ProgressOptions) {
    this.total = options.total;
    this.now = options.now ?? (() => performance.now());
    this.startedMs = this.now();
    this.tty = stream.isTTY === true;
    this.redrawMs = options.redrawMs ?? (this.tty ? 100 : 2000);
  }

  /** Records progress; redraws when the last redraw is old enough. `note` replaces the time estimate (e.g. "draining"). */
  update(done: number, note = ''): void {
    this.done = done;
    this.note = note;
    this.maybeDraw();
  }

  /**
   * From now on each redraw reads the progress from `read` (say, counters
   * that worker threads write) rather than waiting for update(); `total`
   * replaces the one given at construction (known only once the work starts).
   */
  follow(read: () => ProgressReading, total: number | null = this.total): void {
    this.source = read;
    this.total = total;
  }

  /** Redraws without being told of new progress (from a timer, while workers run): the elapsed time, and what a followed source says. */
  tick(): void {
    this.maybeDraw();
  }

  /** Draws the final state and ends the line. Further calls do nothing. */
  finish(done: number = this.total ?? this.done): void {
    if (this.finished) return;
    this.done = done;
    this.note = '';
    this.draw(true);
    this.stream.write('\n');
    this.finished = true;
  }

  /** The line as it would be drawn now. */
  line(final = false, barWidth = BAR_WIDTH): string {
    const { label } = this.options;
    const total = this.total;
    const elapsedMs = this.now() - this.startedMs;
    const describe = this.options.describe ?? ((done: number, all: number | null) => (all === null ? `${done}` : `${done}/${all}`));
    const parts = [label];
    if (total !== null && total > 0) {
      const share = Math.min(1, Math.max(0, this.done / total));
      const filled = Math.round(share * barWidth);
      parts.push(`[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}]`, `${String(Math.floor(share * 100)).padStart(3)}%`);
    }
    parts.push(describe(this.done, total), `${formatClock(elapsedMs)} elapsed`);
    if (final) parts.push('done');
    else if (this.note) parts.push(this.note);
    else if (total !== null && total > 0) parts.push(this.remaining(elapsedMs, total));
    return parts.join('  ');
  }

  private remaining(elapsedMs: number, total: number): string {
    if (this.done <= 0) return '? left';
    const leftMs = (elapsedMs * Math.max(0, total - this.done)) / this.done;
    return `~${formatClock(leftMs)} left`;
  }

  private maybeDraw(): void {
    if (this.finished) return;
    if (this.now() - this.lastDrawMs < this.redrawMs) return;
    this.draw(false);
  }

  private draw(final: boolean): void {
    this.lastDrawMs = this.now();
    if (this.source !== null && !final) {
      const reading = this.source();
      this.done = reading.done;
      this.note = reading.note ?? '';
    }
    let text = this.line(final);
    if (!this.tty) {
      if (!final) this.stream.write(`${text}\n`);
      else this.stream.write(text);
      return;
    }
    // A terminal of unknown size (no window, as under `script`) says 0 columns.
    const columns = this.stream.columns || 80;
    const over = text.length - (columns - 1);
    if (over > 0 && this.total !== null) text = this.line(final, Math.max(MIN_BAR_WIDTH, BAR_WIDTH - over));
    if (text.length > columns - 1) text = text.slice(0, columns - 1);
    // Pad over the longer line drawn before, rather than a clear-line escape some terminals lack.
    const pad = ' '.repeat(Math.max(0, this.lastWidth - text.length));
    this.lastWidth = text.length;
    this.stream.write(`\r${text}${pad}`);
  }
}

/**
 * Awaits `work` while redrawing the bar every `tickMs` (the elapsed time
 * moves on while workers run), then finishes the bar at `doneOf(result)`.
 * A failure leaves the line ended too, so an error message starts clean.
 */
export async function whileRunning<T>(bar: ProgressBar, work: () => Promise<T>, doneOf: (result: T) => number, tickMs = 1000): Promise<T> {
  bar.tick();
  const timer = setInterval(() => bar.tick(), tickMs);
  try {
    const result = await work();
    bar.finish(doneOf(result));
    return result;
  } catch (err) {
    bar.finish();
    throw err;
  } finally {
    clearInterval(timer);
  }
}
