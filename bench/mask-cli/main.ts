// `cctwin mask` as a whole process against two others on the same files:
// the obvious script (naive-masker.ts: readline, five regexes a line) and
// the redact-pii package (redact-pii-masker.ts: readline, its SyncRedactor
// a line), on chat-like text and on PII-dense text made by the project's
// message generator (corpus.ts) in a temporary folder. Every run is a fresh
// `node` process reading the file as stdin and writing a file; wall time and
// the child's CPU time (user + system) are measured, the runs of the three
// interleaved so that a change in the machine's load hits each alike.
// Medians, MB/s and ratios (the other's median over cctwin's) are printed,
// then the start-up of `cctwin --version` and `cctwin mask < /dev/null`.
//
// redact-pii is never a project dependency: it is installed with
// `npm install --prefix <scratch folder>` (REDACT_PII_PREFIX reuses an
// install; --no-redact-pii leaves it out).
//
// Run: npx tsc -p tsconfig.json && node dist/bench/mask-cli/main.js [--mb 20] [--runs 5] [--warmup 1]
//   [--redact-pii-runs 5] [--no-redact-pii] [--startup-runs 20] [--keep] [--json]
//   [--cctwin DIR --label TEXT]   (measure the build in DIR, e.g. a clean copy of a commit, and say which)
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeCorpus, type CorpusFile, type CorpusKind } from './corpus.js';

const REDACT_PII = 'redact-pii@3.4.0';

const { values } = parseArgs({
  options: {
    mb: { type: 'string', default: '20' },
    runs: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '1' },
    'redact-pii-runs': { type: 'string' },
    'no-redact-pii': { type: 'boolean', default: false },
    'startup-runs': { type: 'string', default: '20' },
    keep: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    cctwin: { type: 'string' },
    label: { type: 'string' },
  },
});

const HERE = dirname(fileURLToPath(import.meta.url));
/** The repository: dist/bench/mask-cli/ is three folders below it. */
const ROOT = resolve(HERE, '..', '..', '..');
/** The checkout (or copy) whose dist/bin/cctwin.js is measured: this one unless --cctwin names another. */
const CCTWIN_ROOT = values.cctwin === undefined ? ROOT : resolve(values.cctwin);
const CCTWIN = join(CCTWIN_ROOT, 'dist', 'bin', 'cctwin.js');
const runs = positive('runs');
const warmup = Number(values.warmup);
const redactRuns = values['redact-pii-runs'] === undefined ? runs : positive('redact-pii-runs');
const log = (line: string): void => void process.stderr.write(`${line}\n`);

function positive(name: 'runs' | 'redact-pii-runs' | 'mb' | 'startup-runs'): number {
  const n = Number(values[name]);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a number above 0, got ${values[name]}`);
  return n;
}

interface Masker {
  name: string;
  argv: string[];
  env?: NodeJS.ProcessEnv;
  runs: number;
}

interface Timing {
  wallMs: number;
  cpuMs: number;
}

/** CPU time of the children this process has waited for, in ms (Linux: /proc/self/stat cutime + cstime, in clock ticks of 10 ms). */
function childrenCpuMs(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 16 and 17 of the file (cutime, cstime), counted from the state, field 3.
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

/** Runs `argv` with `input` as stdin and `output` as stdout; throws unless it exits 0. */
function timeRun(argv: string[], input: string, output: string, env?: NodeJS.ProcessEnv): Timing {
  const inFd = openSync(input, 'r');
  const outFd = openSync(output, 'w');
  try {
    const cpuBefore = childrenCpuMs();
    const started = performance.now();
    const r = spawnSync(argv[0]!, argv.slice(1), { stdio: [inFd, outFd, 'pipe'], env: { ...process.env, ...env }, maxBuffer: 1 << 20 });
    const wallMs = performance.now() - started;
    const cpuMs = childrenCpuMs() - cpuBefore;
    if (r.status !== 0) throw new Error(`${argv.join(' ')} < ${input}: exit ${r.status ?? r.signal}: ${String(r.stderr).slice(0, 2000)}`);
    return { wallMs, cpuMs };
  } finally {
    closeSync(inFd);
    closeSync(outFd);
  }
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function lineCount(path: string): number {
  const bytes = readFileSync(path);
  let n = 0;
  for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) n++;
  return n;
}

/** Installs redact-pii into a scratch folder (or takes REDACT_PII_PREFIX) and returns the folder. */
function installRedactPii(scratch: string): string {
  const given = process.env.REDACT_PII_PREFIX;
  if (given) {
    if (!existsSync(join(given, 'node_modules', 'redact-pii', 'package.json'))) throw new Error(`REDACT_PII_PREFIX=${given} has no node_modules/redact-pii`);
    return given;
  }
  const engines = execFileSync('npm', ['view', REDACT_PII, 'engines', '--json'], { encoding: 'utf8' }).trim();
  log(`npm view ${REDACT_PII} engines: ${engines === '' ? '(none declared)' : engines}`);
  const prefix = join(scratch, 'redact-pii');
  log(`installing ${REDACT_PII} into ${prefix} (not a project dependency)...`);
  execFileSync('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--ignore-scripts', '--no-save', REDACT_PII], { stdio: ['ignore', 'ignore', 'inherit'] });
  return prefix;
}

function gitState(): { commit: string; dirty: string[] } {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: CCTWIN_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'engine/masking', 'bin'], { cwd: CCTWIN_ROOT, encoding: 'utf8' }).split('\n').filter((l) => l !== '');
    return { commit, dirty };
  } catch {
    return { commit: 'unknown', dirty: [] };
  }
}

interface Row {
  corpus: CorpusKind;
  masker: string;
  runs: number;
  wallMs: number;
  cpuMs: number;
  mbPerSecond: number;
  wallMsEach: number[];
}

const fmt = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

async function main(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'cctwin-mask-cli-'));
  const git = gitState();
  const loadBefore = loadavg();
  try {
    if (!existsSync(CCTWIN)) throw new Error(`${CCTWIN} is not built (npx tsc -p tsconfig.json)`);
    const node = process.execPath;
    const maskers: Masker[] = [
      { name: 'cctwin mask', argv: [node, CCTWIN, 'mask'], runs },
      { name: 'naive masker', argv: [node, join(HERE, 'naive-masker.js')], runs },
    ];
    if (!values['no-redact-pii']) {
      const prefix = installRedactPii(scratch);
      maskers.push({ name: 'redact-pii', argv: [node, join(HERE, 'redact-pii-masker.js')], env: { REDACT_PII_PREFIX: prefix }, runs: redactRuns });
    }
    const bytes = Math.round(positive('mb') * 1e6);
    const corpora: CorpusFile[] = (['chat', 'dense'] as const).map((kind) => {
      const file = writeCorpus(join(scratch, `${kind}.txt`), kind, bytes);
      log(`${kind}: ${(file.bytes / 1e6).toFixed(1)} MB, ${file.lines} lines in ${file.path}`);
      return file;
    });

    const rows: Row[] = [];
    for (const corpus of corpora) {
      const timings = new Map<string, Timing[]>(maskers.map((m) => [m.name, []]));
      const most = Math.max(...maskers.map((m) => m.runs));
      for (let run = -warmup; run < most; run++) {
        for (const m of maskers) {
          if (run >= m.runs) continue;
          const out = join(scratch, `out-${corpus.kind}-${m.name.replace(/\W+/g, '-')}.txt`);
          const t = timeRun(m.argv, corpus.path, out, m.env);
          log(`${corpus.kind} ${m.name} ${run < 0 ? 'warm-up' : `run ${run + 1}/${m.runs}`}: ${fmt(t.wallMs)} wall, ${fmt(t.cpuMs)} CPU`);
          if (run >= 0) timings.get(m.name)!.push(t);
          if (run === -warmup || (warmup === 0 && run === 0)) {
            const lines = lineCount(out);
            if (lines !== corpus.lines) throw new Error(`${m.name} wrote ${lines} lines for ${corpus.lines}`);
            if (statSync(out).size === 0) throw new Error(`${m.name} wrote nothing`);
          }
        }
      }
      for (const m of maskers) {
        const ts = timings.get(m.name)!;
        const wallMs = median(ts.map((t) => t.wallMs));
        rows.push({
          corpus: corpus.kind, masker: m.name, runs: ts.length, wallMs, cpuMs: median(ts.map((t) => t.cpuMs)),
          mbPerSecond: corpus.bytes / 1e6 / (wallMs / 1000), wallMsEach: ts.map((t) => Math.round(t.wallMs)),
        });
      }
    }

    const startupRuns = positive('startup-runs');
    const startup = [
      { name: 'node -e 0', argv: [node, '-e', '0'] },
      { name: 'cctwin --version', argv: [node, CCTWIN, '--version'] },
      { name: 'cctwin mask < /dev/null', argv: [node, CCTWIN, 'mask'] },
    ].map((s) => {
      const ts: Timing[] = [];
      for (let k = -2; k < startupRuns; k++) {
        const t = timeRun(s.argv, '/dev/null', '/dev/null');
        if (k >= 0) ts.push(t);
      }
      return { name: s.name, runs: startupRuns, wallMs: median(ts.map((t) => t.wallMs)), cpuMs: median(ts.map((t) => t.cpuMs)) };
    });

    const loadAfter = loadavg();
    const result = {
      node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cores: availableParallelism(),
      loadavgBefore: loadBefore.map((x) => Number(x.toFixed(2))), loadavgAfter: loadAfter.map((x) => Number(x.toFixed(2))),
      cctwin: CCTWIN, label: values.label ?? null, commit: git.commit, uncommitted: git.dirty, rows, startup,
    };
    if (values.json) {
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      return;
    }
    const lines: string[] = [];
    lines.push(`node ${result.node} on ${result.cpu}, ${result.cores} cores; load average before ${result.loadavgBefore.join(' ')}, after ${result.loadavgAfter.join(' ')}`);
    lines.push(`${CCTWIN}: ${values.label ?? `commit ${git.commit}`}${git.dirty.length > 0 ? ` plus uncommitted changes in ${git.dirty.map((l) => l.slice(3)).join(', ')}` : ''}`);
    lines.push('');
    lines.push('| text | masker | runs | median wall | MB/s | median CPU | cctwin mask is, in wall time (CPU time) |');
    lines.push('|---|---|---|---|---|---|---|');
    for (const row of rows) {
      const cc = rows.find((r) => r.corpus === row.corpus && r.masker === 'cctwin mask')!;
      const ratio = row.masker === 'cctwin mask' ? '' : `${(row.wallMs / cc.wallMs).toFixed(2)}x faster (${(row.cpuMs / cc.cpuMs).toFixed(2)}x)`;
      lines.push(`| ${row.corpus} | ${row.masker} | ${row.runs} | ${fmt(row.wallMs)} | ${row.mbPerSecond.toFixed(1)} | ${fmt(row.cpuMs)} | ${ratio} |`);
    }
    lines.push('');
    lines.push('| start-up | runs | median wall | median CPU |');
    lines.push('|---|---|---|---|');
    for (const s of startup) lines.push(`| \`${s.name}\` | ${s.runs} | ${fmt(s.wallMs)} | ${fmt(s.cpuMs)} |`);
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    if (values.keep) log(`kept ${scratch}`);
    else rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
