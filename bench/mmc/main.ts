// Side by side on the M/M/c model: 1,000 simulated hours of one M/M/65 queue
// (0.5 arrivals/s, exponential 120 s handle time, no RONA, no wrap-up, no
// patience; ~1.8 million conversations), run as whole processes by
//
//   cctwin    node dist/bin/cctwin.js run bench/mmc/mmc-65.yaml --json --seed K
//   python    python3 bench/mmc/mmc.py --seed K        (heapq, standard library only)
//   c         bench/mmc/mmc.c, built here with gcc -O2 into a temp folder
//   ciw       bench/mmc/mmc_ciw.py, when Ciw installs into a scratch venv (pip)
//
// several runs each, in rounds (one run of every model per round, so all see
// the same machine), seed K = round number. Prints per model the medians of
// the whole process's wall time, the program's own loop time and its CPU
// time, conversations/s and events/s, how many times faster cctwin is, and
// P(wait) and mean wait beside Erlang C's, so a fast but wrong model shows.
//
// Run: npx tsc -p tsconfig.json && node dist/bench/mmc/main.js [--runs 3] [--hours 1000]
//      [--ciw-hours 100] [--no-ciw] [--ciw-python PATH] [--only cctwin,python,c,ciw] [--baseline DIR]
// --baseline DIR: also run the cctwin built in DIR (another checkout, e.g. the
// commit before a change, after npm ci and tsc there) in the same rounds.
// or:  npm run -s bench:mmc -- --runs 5
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { queueFigures } from '../../planning/theory/erlang.js';

/** The model, as in bench/mmc/mmc-65.yaml. */
export const MODEL = { agents: 65, ratePerSecond: 0.5, ahtSeconds: 120 } as const;

export type ModelName = 'cctwin' | 'baseline' | 'python' | 'c' | 'ciw';

/** What one run of one model reports. */
export interface RunFigures {
  conversations: number;
  /** Events the program counts (each counts its own: cctwin ~4 per conversation, the heap loops 2); null when it counts none. */
  events: number | null;
  meanWaitSeconds: number;
  waitProbability: number;
  /** The program's own timing of its simulation (no process start, no module loading). */
  loopSeconds: number;
}

export interface Run extends RunFigures {
  /** Spawn to exit. */
  processSeconds: number;
  /** User + system CPU of the process (all its threads), from /usr/bin/time; null without it. */
  cpuSeconds: number | null;
  load1: number;
}

interface Runner {
  name: ModelName;
  label: string;
  /** Simulated hours this model runs (Ciw may run fewer: compare throughput, conversations/s). */
  hours: number;
  run(seed: number): Run;
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const SOURCE = join(ROOT, 'bench', 'mmc');
const TIME = '/usr/bin/time';

/** Runs a command as a whole process; wall from spawn to exit, CPU from /usr/bin/time when there. */
function timed(command: string, args: string[], scratch: string, cwd = ROOT): { stdout: string; processSeconds: number; cpuSeconds: number | null } {
  const useTime = existsSync(TIME);
  const cpuFile = join(scratch, 'cpu.txt');
  const [cmd, argv] = useTime ? [TIME, ['-f', '%U %S', '-o', cpuFile, command, ...args]] : [command, args];
  const started = performance.now();
  const r = spawnSync(cmd, argv, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const processSeconds = (performance.now() - started) / 1000;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${command} ${args.join(' ')} exited ${r.status ?? r.signal}: ${(r.stderr ?? '').trim().split('\n').slice(-3).join(' | ')}`);
  let cpuSeconds: number | null = null;
  if (useTime && existsSync(cpuFile)) {
    const [u, s] = readFileSync(cpuFile, 'utf8').trim().split(/\s+/).slice(-2).map(Number);
    if (Number.isFinite(u) && Number.isFinite(s)) cpuSeconds = u! + s!;
  }
  return { stdout: r.stdout, processSeconds, cpuSeconds };
}

/** The JSON line the heap loops print last. */
function jsonOf(stdout: string): Record<string, unknown> {
  return JSON.parse(lastLine(stdout)) as Record<string, unknown>;
}

function heapLoopFigures(out: Record<string, unknown>): RunFigures {
  return {
    conversations: out['conversations'] as number,
    events: (out['events'] as number | null) ?? null,
    meanWaitSeconds: out['meanWaitSeconds'] as number,
    waitProbability: out['waitProbability'] as number,
    loopSeconds: out['wallSeconds'] as number,
  };
}

/** cctwin as built in `root` (this checkout, or --baseline: another build of it, to measure a change side by side). */
function cctwinRunner(hours: number, scratch: string, root = ROOT, name: ModelName = 'cctwin', label = 'cctwin run --json'): Runner {
  const cli = join(root, 'dist', 'bin', 'cctwin.js');
  if (!existsSync(cli)) throw new Error(`${cli} not built: run npx tsc -p tsconfig.json`);
  return {
    name, label, hours,
    run(seed) {
      const t = timed(process.execPath, [cli, 'run', 'bench/mmc/mmc-65.yaml', '--json', '--no-progress', '--seed', String(seed), '--set', `duration=${hours}h`], scratch, root);
      const report = JSON.parse(t.stdout) as {
        conversations: { arrived: number; answered: number };
        simulated: { events: number };
        wall: { seconds: number };
        waitProbability: number;
        histograms: { answerTime: { mean: number } };
      };
      return {
        conversations: report.conversations.arrived,
        events: report.simulated.events,
        meanWaitSeconds: report.histograms.answerTime.mean / 1000,
        waitProbability: report.waitProbability,
        loopSeconds: report.wall.seconds,
        processSeconds: t.processSeconds, cpuSeconds: t.cpuSeconds, load1: loadavg()[0]!,
      };
    },
  };
}

function pythonRunner(python: string, script: string, name: ModelName, label: string, hours: number, scratch: string): Runner {
  return {
    name, label, hours,
    run(seed) {
      const t = timed(python, [script, '--hours', String(hours), '--agents', String(MODEL.agents), '--rate', String(MODEL.ratePerSecond), '--aht', String(MODEL.ahtSeconds), '--seed', String(seed)], scratch);
      return { ...heapLoopFigures(jsonOf(t.stdout)), processSeconds: t.processSeconds, cpuSeconds: t.cpuSeconds, load1: loadavg()[0]! };
    },
  };
}

function cRunner(hours: number, scratch: string): Runner | string {
  const binary = join(scratch, 'mmc');
  const gcc = spawnSync('gcc', ['-O2', '-o', binary, join(SOURCE, 'mmc.c'), '-lm'], { encoding: 'utf8' });
  if (gcc.status !== 0) return `C: not built (gcc: ${gcc.error?.message ?? gcc.stderr.trim().split('\n').slice(-1)[0]}); skipped`;
  return {
    name: 'c', label: 'C, binary heap (gcc -O2)', hours,
    run(seed) {
      const t = timed(binary, [String(hours), String(MODEL.agents), String(MODEL.ratePerSecond), String(MODEL.ahtSeconds), String(seed)], scratch);
      return { ...heapLoopFigures(jsonOf(t.stdout)), processSeconds: t.processSeconds, cpuSeconds: t.cpuSeconds, load1: loadavg()[0]! };
    },
  };
}

/**
 * A python with Ciw: the one given, or a scratch venv with Ciw installed by
 * pip. Returns why not when it cannot be had (this machine reaches no PyPI).
 */
function ciwPython(given: string | undefined, scratch: string): { python: string } | { why: string } {
  if (given !== undefined) {
    const check = spawnSync(given, ['-c', 'import ciw; print(ciw.__version__)'], { encoding: 'utf8' });
    return check.status === 0 ? { python: given } : { why: `${given} cannot import ciw` };
  }
  const venv = join(scratch, 'ciw-venv');
  const made = spawnSync('python3', ['-m', 'venv', venv], { encoding: 'utf8', timeout: 120_000 });
  if (made.status !== 0) return { why: `python3 -m venv failed (${lastLine(made.stderr || made.error?.message)})` };
  const python = join(venv, 'bin', 'python');
  const pip = spawnSync(python, ['-m', 'pip', 'install', '--disable-pip-version-check', '--no-input', '--timeout', '15', '--retries', '1', 'ciw'], { encoding: 'utf8', timeout: 300_000 });
  if (pip.status !== 0) return { why: `pip install ciw failed: ${lastLine(pip.stderr || pip.error?.message)} (no PyPI from this machine?)` };
  return { python };
}

function lastLine(text: string | undefined): string {
  return (text ?? '').trim().split('\n').filter((l) => l.trim() !== '').slice(-1)[0]?.trim() ?? 'no output';
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * How far the mean of `runs` runs of `hours` hours may stray from Erlang C
 * and still agree: 4 standard deviations of that mean. One run of 1,000 h
 * scatters by 1.2% (P(wait)) and 3.8% (mean wait), relative, measured over
 * 30 seeds of the C loop; the scatter goes as 1 / sqrt(hours x runs).
 */
export function tolerance(hours: number, runs: number): { waitProbability: number; meanWait: number } {
  const scale = 4 * Math.sqrt(1000 / (hours * runs));
  return { waitProbability: 0.012 * scale, meanWait: 0.038 * scale };
}

export interface ModelSummary {
  name: ModelName;
  label: string;
  hours: number;
  runs: Run[];
  processSeconds: number;
  loopSeconds: number;
  cpuSeconds: number | null;
  conversationsPerSecond: number;
  eventsPerSecond: number | null;
  /** Mean over the runs (the runs are different seeds). */
  waitProbability: number;
  meanWaitSeconds: number;
  agrees: boolean;
}

export function summarize(r: Runner, runs: Run[], theory: { waitProbability: number; meanWaitSeconds: number }): ModelSummary {
  const processSeconds = median(runs.map((x) => x.processSeconds));
  const cpu = runs.every((x) => x.cpuSeconds !== null) ? median(runs.map((x) => x.cpuSeconds!)) : null;
  const conversations = median(runs.map((x) => x.conversations));
  const events = runs.every((x) => x.events !== null) ? median(runs.map((x) => x.events!)) : null;
  const waitProbability = runs.reduce((a, x) => a + x.waitProbability, 0) / runs.length;
  const meanWaitSeconds = runs.reduce((a, x) => a + x.meanWaitSeconds, 0) / runs.length;
  const tol = tolerance(r.hours, runs.length);
  return {
    name: r.name, label: r.label, hours: r.hours, runs, processSeconds, loopSeconds: median(runs.map((x) => x.loopSeconds)), cpuSeconds: cpu,
    conversationsPerSecond: conversations / processSeconds,
    eventsPerSecond: events === null ? null : events / processSeconds,
    waitProbability, meanWaitSeconds,
    agrees: Math.abs(waitProbability / theory.waitProbability - 1) <= tol.waitProbability && Math.abs(meanWaitSeconds / theory.meanWaitSeconds - 1) <= tol.meanWait,
  };
}

const pct = (x: number) => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)}%`;
const si = (x: number) => (x >= 1e6 ? `${(x / 1e6).toFixed(2)} M` : `${(x / 1e3).toFixed(0)} k`);

export function printComparison(models: readonly ModelSummary[], theory: { waitProbability: number; meanWaitSeconds: number }, notes: readonly string[], loads: readonly number[][]): string {
  const base = models.find((m) => m.name === 'cctwin');
  const rows = models.map((m) => {
    // Throughput ratio: equal to the ratio of wall times when both ran the same hours.
    const x = base === undefined ? '' : m === base ? '1.00' : (base.conversationsPerSecond / m.conversationsPerSecond).toFixed(2);
    const perLoopSecond = (s: ModelSummary) => median(s.runs.map((r) => r.conversations)) / s.loopSeconds;
    const xLoop = base === undefined ? '' : m === base ? '1.00' : (perLoopSecond(base) / perLoopSecond(m)).toFixed(2);
    return [
      m.label + (m.hours !== models[0]!.hours ? ` (${m.hours} h)` : ''),
      `${m.processSeconds.toFixed(2)} s`, `${m.loopSeconds.toFixed(2)} s`, m.cpuSeconds === null ? '-' : `${m.cpuSeconds.toFixed(2)} s`,
      si(m.conversationsPerSecond), m.eventsPerSecond === null ? '-' : si(m.eventsPerSecond), x, xLoop,
      m.waitProbability.toFixed(4), `${m.meanWaitSeconds.toFixed(2)} s`,
      `${m.agrees ? 'agrees' : 'DISAGREES'} (${pct(m.waitProbability / theory.waitProbability - 1)}, ${pct(m.meanWaitSeconds / theory.meanWaitSeconds - 1)})`,
    ];
  });
  const head = ['model', 'process', 'loop', 'CPU', 'conv/s', 'events/s', 'cctwin x', 'loop x', 'P(wait)', 'mean wait', 'vs Erlang C (P(wait), mean wait)'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => '  ' + cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  const runs = models[0]?.runs.length ?? 0;
  const out = [
    `M/M/${MODEL.agents}: ${MODEL.ratePerSecond}/s, exp(${MODEL.ahtSeconds} s), ${models[0]?.hours ?? '?'} simulated hours; whole processes, median of ${runs} runs (seeds 1..${runs}), in rounds`,
    `Erlang C: P(wait) ${theory.waitProbability.toFixed(4)}, mean wait ${theory.meanWaitSeconds.toFixed(2)} s; a model agrees when the mean of its runs is within 4 standard deviations of it`,
    `load average (1, 5, 15 min) at start ${loads[0]!.map((x) => x.toFixed(2)).join(' ')}, at end ${loads[loads.length - 1]!.map((x) => x.toFixed(2)).join(' ')}; each run's 1-min load: ` +
      models.map((m) => `${m.name} ${m.runs.map((r) => r.load1.toFixed(1)).join('/')}`).join(', '),
    '',
    line(head),
    ...rows.map(line),
    '',
    '  process: spawn to exit (node start-up and module loading included); loop: the program\'s own timing of its simulation;',
    '  CPU: user + system of the process, every thread (GC and JIT threads too); conv/s and events/s over the process time;',
    '  events are each program\'s own count (cctwin ~4 per conversation, the heap loops 2: arrival and end; Ciw counts none);',
    '  cctwin x: how many times faster cctwin is, on conversations/s of the whole process (= wall-time ratio on equal hours); loop x: the same on loop time.',
  ];
  if (base !== undefined) {
    const py = models.find((m) => m.name === 'python');
    const ciw = models.find((m) => m.name === 'ciw');
    const aim = (m: ModelSummary | undefined, target: number, what: string) =>
      m === undefined ? `${what}: not measured` : `${what}: ${(base.conversationsPerSecond / m.conversationsPerSecond).toFixed(2)}x (aim ${target}x: ${base.conversationsPerSecond / m.conversationsPerSecond >= target ? 'met' : 'NOT met'})`;
    out.push('', `  aims: ${aim(py, 5, 'cctwin vs python heapq')}; ${aim(ciw, 50, 'cctwin vs Ciw')}`);
  }
  for (const n of notes) out.push(`  note: ${n}`);
  return out.join('\n');
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const opt = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const runs = Number(opt('runs') ?? 3);
  const hours = Number(opt('hours') ?? 1000);
  const ciwHours = Number(opt('ciw-hours') ?? Math.min(hours, 100));
  const only = new Set((opt('only') ?? 'cctwin,python,c,ciw').split(','));
  if (!(runs >= 1) || !(hours > 0) || !(ciwHours > 0)) throw new Error('--runs must be >= 1, --hours and --ciw-hours > 0');

  const theoryFigures = queueFigures({
    arrivalRatePerSecond: MODEL.ratePerSecond, handleTimeSeconds: MODEL.ahtSeconds, agents: MODEL.agents, serviceLevelThresholdSeconds: 20,
  });
  const theory = { waitProbability: theoryFigures.waitProbability, meanWaitSeconds: theoryFigures.averageSpeedOfAnswerSeconds };
  const scratch = mkdtempSync(join(tmpdir(), 'cctwin-bench-mmc-'));
  const notes: string[] = [];
  const loads: number[][] = [loadavg()];
  try {
    const runners: Runner[] = [];
    if (only.has('cctwin')) runners.push(cctwinRunner(hours, scratch));
    const baseline = opt('baseline');
    if (baseline !== undefined) runners.push(cctwinRunner(hours, scratch, resolve(baseline), 'baseline', `cctwin at ${baseline}`));
    if (only.has('python')) runners.push(pythonRunner('python3', join(SOURCE, 'mmc.py'), 'python', 'python heapq', hours, scratch));
    if (only.has('c')) {
      const c = cRunner(hours, scratch);
      if (typeof c === 'string') notes.push(c);
      else runners.push(c);
    }
    if (only.has('ciw') && !argv.includes('--no-ciw')) {
      process.stderr.write(opt('ciw-python') === undefined ? 'ciw: installing into a scratch virtual environment (python3 -m venv, pip install ciw)...\n' : `ciw: using ${opt('ciw-python')}\n`);
      const ciw = ciwPython(opt('ciw-python'), scratch);
      if ('why' in ciw) {
        notes.push(`Ciw not measured: ${ciw.why}. Its model is bench/mmc/mmc_ciw.py; run this again where PyPI is reachable, or pass --ciw-python with a python that has ciw.`);
        process.stderr.write(`ciw: not installed, going on without it: ${ciw.why}\n`);
      } else {
        runners.push(pythonRunner(ciw.python, join(SOURCE, 'mmc_ciw.py'), 'ciw', 'Ciw', ciwHours, scratch));
        if (ciwHours !== hours) notes.push(`Ciw runs ${ciwHours} h (its records of 1.8 M conversations would take minutes per run and GBs); compared on conversations/s (--ciw-hours ${hours} for the full run)`);
      }
    }
    const results = new Map<Runner, Run[]>(runners.map((r) => [r, []]));
    for (let round = 0; round < runs; round++) {
      for (const r of runners) {
        const run = r.run(round + 1);
        results.get(r)!.push(run);
        process.stderr.write(`round ${round + 1}/${runs} ${r.name}: ${run.processSeconds.toFixed(2)} s (loop ${run.loopSeconds.toFixed(2)} s), ${run.conversations} conversations, P(wait) ${run.waitProbability.toFixed(4)}, mean wait ${run.meanWaitSeconds.toFixed(2)} s, load ${run.load1.toFixed(2)}\n`);
      }
    }
    loads.push(loadavg());
    const models = runners.map((r) => summarize(r, results.get(r)!, theory));
    console.log(printComparison(models, theory, notes, loads));
    if (argv.includes('--json')) console.log(JSON.stringify({ theory, models, loads }, null, 2));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
