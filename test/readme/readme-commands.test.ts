// README.md's examples run as written. Every command line of its shell code
// blocks (and the script lines of its CI example) that invokes cctwin runs
// here with the built CLI in a child process, and must exit with the status
// the README gives next to it (`# exits 1 …` in its comment) or else 0.
// Long ones are shortened by --set overrides from SHORTENED, keyed by the
// exact README line: a README line without an entry runs as written, and an
// entry whose line is gone fails. Benchmarks, `serve` and the build and
// install commands are not run (NOT_RUN_KINDS, NOT_RUN_EXACT, each with its
// reason); any other line this test does not recognise fails it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = process.cwd();
const CLI = join(ROOT, 'dist', 'bin', 'cctwin.js');

/** How a README line invokes cctwin (`npm ci && …` is split at `&&` first). */
const CCTWIN_PREFIXES = ['npm run -s cctwin -- ', 'npm run cctwin -- ', 'node dist/bin/cctwin.js ', 'cctwin '];

/**
 * README lines (as written, without their comment) cut short here, and why:
 * `set` adds --set overrides after the README's own (a later --set of the
 * same key wins, so `duration` and `warmup` can be cut).
 */
const SHORTENED: Record<string, { set: string[]; why: string }> = {
  'npm run -s cctwin -- run scenarios/quickstart.yaml': {
    set: ['duration=2h', 'warmup=30m'], why: 'an 8-hour day, then its timing pass; test/cli runs it with budgets too',
  },
  'npm run -s cctwin -- run scenarios/erlang-c.yaml --json > report.json': {
    set: ['duration=20h'], why: '200 simulated hours: 3 s alone, more while other tests share the 2 cores',
  },
  'npm run -s cctwin -- run scenarios/quickstart.yaml --set agents.0.count=80 --junit budgets.xml --out out/': {
    set: ['duration=2h', 'warmup=30m'], why: 'an 8-hour day, then its timing pass; two hours still write every file',
  },
  'npm run -s cctwin -- run scenarios/erlang-a.yaml --replications 8': {
    set: ['duration=4h', 'warmup=1h'], why: '8 replications of 100 simulated hours take 8 s; 4 hours each still merge 8',
  },
  'npm run -s cctwin -- run scenarios/quickstart.yaml --replications 4': {
    set: ['duration=1h', 'warmup=10m'], why: 'four 8-hour days; one hour still gives two half-hour rows with their intervals',
  },
  'npm run -s cctwin -- sweep scenarios/quickstart.yaml --vary agents.0.count=60..100:10': {
    set: ['duration=1h', 'warmup=10m'], why: 'five 8-hour days take 10 s on 2 cores',
  },
};

/** The README's arguments with its shortening, if any. */
function shortened(args: readonly string[], s: (typeof SHORTENED)[string] | undefined): string[] {
  return [...args, ...(s?.set ?? []).flatMap((set) => ['--set', set])];
}

/** Whole commands that are deliberately not run, by the exact text, and why. */
const NOT_RUN_EXACT: Record<string, string> = {
  'npm ci': 'installs the dependencies and builds; this test runs in the installed, built tree',
  'npm test': 'runs every test, this one included',
  'npx tsc -p tsconfig.json': 'the build itself; this test runs its output (dist/)',
};

/** Kinds of commands that are deliberately not run, and why. */
const NOT_RUN_KINDS: { test: (command: string, cctwinArgs: string[] | null) => boolean; why: string }[] = [
  {
    test: (c, args) => args?.[0] === 'bench' || /^node dist\/bench\//.test(c) || /^npm run (-s )?(bench|profile):/.test(c),
    why: 'a benchmark: it measures for minutes and asserts no speed (microbench/budget and bin/commands/bench.test.ts test the machinery)',
  },
  { test: (_, args) => args?.[0] === 'serve', why: 'serve runs until a signal (server and test/cli/exit-codes.test.ts test it)' },
];

interface ReadmeLine {
  /** The line as written, comment included. */
  text: string;
  lineNumber: number;
  /** One command of the line (a line with `&&` gives several). */
  command: string;
  comment: string;
}

type Plan =
  | { kind: 'run'; line: ReadmeLine; args: string[]; shortened: string[]; redirect: string | null; status: number }
  | { kind: 'not-run'; line: ReadmeLine; why: string }
  | { kind: 'unrecognised'; line: ReadmeLine; why: string };

const SHELL_LANGUAGES = new Set(['sh', 'bash', 'shell', 'console']);

/** Every command of README.md's shell blocks, and the `script:` items of its YAML (CI) blocks. */
function readmeCommands(markdown: string): ReadmeLine[] {
  const lines = markdown.split('\n');
  const found: ReadmeLine[] = [];
  let language: string | null = null;
  let inScript = false;
  lines.forEach((raw, i) => {
    const fence = /^\s*```(\S*)\s*$/.exec(raw);
    if (fence) {
      language = language === null ? fence[1]!.toLowerCase() : null;
      inScript = false;
      return;
    }
    if (language === null) return;
    let text: string;
    if (SHELL_LANGUAGES.has(language)) {
      text = raw.trim();
    } else if (language === 'yaml' || language === 'yml') {
      // A CI job's `script:` list runs in a shell too.
      const key = /^(\s*)([\w-]+):/.exec(raw);
      if (key) inScript = key[2] === 'script';
      const item = /^\s*-\s+(.*)$/.exec(raw);
      if (!inScript || key || !item) return;
      text = item[1]!.trim();
    } else {
      return;
    }
    if (text === '' || text.startsWith('#')) return;
    const hash = text.search(/\s#/);
    const command = (hash < 0 ? text : text.slice(0, hash)).trim();
    const comment = hash < 0 ? '' : text.slice(hash).replace(/^\s*#\s*/, '');
    for (const part of command.split(/\s+&&\s+/)) found.push({ text, lineNumber: i + 1, command: part.trim(), comment });
  });
  return found;
}

/** The README's word next to a command, in its comment: `# exits 1: …`; else 0. */
function expectedStatus(comment: string): number {
  const m = /\bexits (\d)\b/.exec(comment);
  return m ? Number(m[1]) : 0;
}

function plan(line: ReadmeLine): Plan {
  const { command } = line;
  const prefix = CCTWIN_PREFIXES.find((p) => command.startsWith(p));
  let rest = prefix === undefined ? null : command.slice(prefix.length).trim();
  let redirect: string | null = null;
  if (rest !== null) {
    const out = /^(.*?)\s+>\s*(\S+)$/.exec(rest);
    if (out) [rest, redirect] = [out[1]!, out[2]!];
  }
  const args = rest === null ? null : rest.split(/\s+/).filter((a) => a !== '');
  const exact = NOT_RUN_EXACT[command];
  if (exact !== undefined) return { kind: 'not-run', line, why: exact };
  const kind = NOT_RUN_KINDS.find((k) => k.test(command, args));
  if (kind) return { kind: 'not-run', line, why: kind.why };
  if (args === null) return { kind: 'unrecognised', line, why: 'neither a cctwin command nor one listed as not run' };
  // Quoting, pipes, variables and globs would need a shell: this test passes arguments as they are.
  if (args.some((a) => /["'`$|;<>*?\\(){}]/.test(a))) {
    return { kind: 'unrecognised', line, why: 'shell syntax beyond plain words and a final `> FILE`' };
  }
  return { kind: 'run', line, args, shortened: shortened(args, SHORTENED[command]), redirect, status: expectedStatus(line.comment) };
}

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const plans = readmeCommands(README).map(plan);
const runs = plans.filter((p): p is Extract<Plan, { kind: 'run' }> => p.kind === 'run');

/**
 * The commands run in a scratch folder holding links to the repository's
 * input folders, so `scenarios/…` resolves as in a clone while `report.json`,
 * `out/` and `budgets.xml` land in the scratch folder, not in the repository.
 */
const INPUTS = ['scenarios', 'bench'];
const scratch = mkdtempSync(join(tmpdir(), 'cctwin-readme-'));
for (const entry of INPUTS) symlinkSync(join(ROOT, entry), join(scratch, entry));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('README.md command lines', () => {
  it('finds the examples: run, sweep, erlang, load and the quick start', () => {
    const commands = runs.map((r) => r.args[0]);
    for (const command of ['run', 'sweep', 'erlang', 'load']) expect(commands).toContain(command);
    expect(runs.some((r) => r.line.text.startsWith('npm ci && '))).toBe(true);
  });

  it('recognises every command line (a cctwin command, or one listed as not run with a reason)', () => {
    const unrecognised = plans.filter((p) => p.kind === 'unrecognised').map((p) => `README.md:${p.line.lineNumber}: ${p.line.command} (${p.why})`);
    expect(unrecognised).toEqual([]);
  });

  it('reads a command it does not know as a failure, a new cctwin command as one to run as written, `# exits N` as its status', () => {
    const sample = [
      '```sh',
      'npm ci && cctwin run scenarios/new.yaml --seed 3   # exits 1: a budget fails',
      'node dist/bin/cctwin.js validate scenarios/new.yaml > errors.txt',
      'cctwin serve scenarios/new.yaml',
      'make everything',
      "cctwin run 'scenarios/with space.yaml'",
      '```',
      '```yaml',
      'job:',
      '  script:',
      '    - node dist/bin/cctwin.js erlang --rate 1/s --aht 1m --agents 2',
      '```',
    ].join('\n');
    const got = readmeCommands(sample).map(plan).map((p) =>
      p.kind === 'run' ? ['run', p.shortened.join(' '), p.redirect, p.status] : [p.kind, p.line.command]);
    expect(got).toEqual([
      ['not-run', 'npm ci'],
      ['run', 'run scenarios/new.yaml --seed 3', null, 1],
      ['run', 'validate scenarios/new.yaml', 'errors.txt', 0],
      ['not-run', 'cctwin serve scenarios/new.yaml'],
      ['unrecognised', 'make everything'],
      ['unrecognised', "cctwin run 'scenarios/with space.yaml'"],
      ['run', 'erlang --rate 1/s --aht 1m --agents 2', null, 0],
    ]);
  });

  it('names only README lines in its tables (shortened, not run)', () => {
    const written = new Set(plans.map((p) => p.line.command));
    expect(Object.keys(SHORTENED).filter((line) => !written.has(line))).toEqual([]);
    expect(Object.keys(NOT_RUN_EXACT).filter((line) => !written.has(line))).toEqual([]);
  });

  it.each(runs.map((r) => [`README.md:${r.line.lineNumber}: ${r.line.command}`, r] as const))('%s', (_, r) => {
    const started = performance.now();
    const result = spawnSync(process.execPath, [CLI, ...r.shortened], {
      cwd: scratch, encoding: 'utf8', timeout: 50_000, maxBuffer: 256 * 1024 * 1024,
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const ran = r.shortened.join(' ') === r.args.join(' ') ? 'as written' : `as cctwin ${r.shortened.join(' ')}`;
    const said = `${r.line.command} (${ran}) exited ${result.status} (signal ${result.signal}) after ${seconds}s:\n${result.stderr}\n${result.stdout.slice(-2000)}`;
    expect(result.status, said).toBe(r.status);
    if (r.redirect !== null) {
      writeFileSync(join(scratch, r.redirect), result.stdout);
      if (r.redirect.endsWith('.json')) expect(() => JSON.parse(result.stdout), `${r.redirect} holds JSON`).not.toThrow();
    }
  });
});
