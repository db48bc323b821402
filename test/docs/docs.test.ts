// The repo stands alone: its docs say what the code does, every link in a
// markdown file leads somewhere, and nothing cites a file outside the repo.
//   (a) docs/exit-codes.md lists exactly the statuses of EXIT_STATUSES, each with its meaning;
//   (b) no tracked file cites a path outside the repo (the rule is tried on bad examples first);
//   (c) every relative markdown link resolves to a file that exists (and a heading, for an anchor);
//   (d) every command bin/cctwin.ts wires has a section in docs/cli.md;
//   (e) the complete example of docs/scenario.md loads.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_STATUSES } from '../../bin/exit-codes.js';
import { loadScenarioWithBudgets } from '../../reports/budgets/scenario-budgets.js';

const ROOT = process.cwd();
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

/** Tracked files that exist in the working tree, node_modules left out. */
function trackedFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return out.split('\0').filter((f) => f !== '' && !f.split('/').includes('node_modules') && existsSync(join(ROOT, f)) && statSync(join(ROOT, f)).isFile());
}

// ---------------------------------------------------------------- (a)

/** The rows of a markdown table whose first cell is a number: status -> the other cells. */
function numberedRows(markdown: string): Map<number, string[]>[] {
  const rows: Map<number, string[]>[] = [];
  for (const line of markdown.split('\n')) {
    const m = /^\|\s*(\d+)\s*\|(.*)\|\s*$/.exec(line);
    if (m) rows.push(new Map([[Number(m[1]), splitCells(m[2]!)]]));
  }
  return rows;
}

/** Cells of a table row (without its outer pipes); `\|` is a pipe inside a cell. */
function splitCells(inner: string): string[] {
  return inner.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
}

describe('docs/exit-codes.md', () => {
  const rows = numberedRows(read('docs/exit-codes.md'));
  const statuses = rows.map((r) => [...r.keys()][0]!);

  it('lists exactly the statuses of EXIT_STATUSES, once each', () => {
    expect([...statuses].sort((a, b) => a - b)).toEqual(EXIT_STATUSES.map((s) => s.status).sort((a, b) => a - b));
  });

  it.each(EXIT_STATUSES.map((s) => [s.status, s] as const))('gives status %i its name and meaning', (status, s) => {
    const row = rows.find((r) => r.has(status));
    expect(row, `docs/exit-codes.md has no row | ${status} |`).toBeDefined();
    const cells = row!.get(status)!;
    expect(cells[0]).toBe(`\`${s.name}\``);
    expect(cells.slice(1).join(' | ')).toContain(s.meaning);
  });
});

// ---------------------------------------------------------------- (b)

// Built from pieces, so this file does not cite what it forbids.
const OUTSIDE_FILES = ['CONTRACT', 'DOMAIN', 'ARCHITECTURE', 'WEBEX-CC-SDK', 'STYLE'].map((name) => `${name}.md`);
const OUTSIDE_RULES: { what: string; re: RegExp }[] = [
  { what: `..${'/'}shared`, re: new RegExp(String.raw`\.\./shared\b`) },
  ...OUTSIDE_FILES.map((file) => ({ what: file, re: new RegExp(String.raw`(^|[^\w-])${file.replace(/[.-]/g, (c) => `\\${c}`)}`) })),
  { what: `seeds${'/'}`, re: new RegExp(String.raw`(^|[^\w-])seeds${'/'}`) },
];

/** What in `text` cites a path outside the repo. */
function outsideReferences(text: string): string[] {
  return OUTSIDE_RULES.filter((r) => r.re.test(text)).map((r) => r.what);
}

describe('no tracked file cites a path outside the repo', () => {
  it('the rule catches each kind of outside path, and lets ordinary text be', () => {
    const up = '..' + '/';
    expect(outsideReferences(`see ${up}shared/notes`)).toEqual([`..${'/'}shared`]);
    expect(outsideReferences(`// as in ${up}${up}shared/x`)).toEqual([`..${'/'}shared`]);
    for (const file of OUTSIDE_FILES) expect(outsideReferences(`the table in ${file}, section 2`)).toEqual([file]);
    expect(outsideReferences(`loaded from ${'seeds'}/guide.txt`)).toEqual([`seeds${'/'}`]);
    expect(outsideReferences('docs/scenario.md, seeds 1-6, reseeds/x, seed/ and shared/ are fine')).toEqual([]);
  });

  it('holds for every tracked file', () => {
    const files = trackedFiles();
    expect(files.length).toBeGreaterThan(100);
    const offenders: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      if (text.includes('\0')) continue; // binary
      const found = outsideReferences(text);
      if (found.length > 0) offenders.push(`${file}: ${found.join(', ')}`);
    }
    expect(offenders).toEqual([]);
  });
});

// ---------------------------------------------------------------- (c)

/** Markdown without fenced code blocks and inline code spans, where links are not links. */
function withoutCode(markdown: string): string {
  const kept: string[] = [];
  let fence: string | null = null;
  for (const line of markdown.split('\n')) {
    const m = /^\s*(`{3,}|~{3,})/.exec(line);
    if (fence === null && m) fence = m[1]![0]!;
    else if (fence !== null && m && m[1]![0] === fence) fence = null;
    else if (fence === null) kept.push(line.replace(/(`+)[\s\S]*?\1/g, ''));
    else kept.push('');
  }
  return kept.join('\n');
}

/** Link targets of a markdown text: inline links and images, and reference definitions. */
function linkTargets(markdown: string): string[] {
  const text = withoutCode(markdown);
  const targets: string[] = [];
  for (const m of text.matchAll(/\]\(\s*(<[^>]*>|[^)\s]+)(?:\s+["'][^"']*["'])?\s*\)/g)) targets.push(m[1]!.replace(/^<|>$/g, ''));
  for (const m of text.matchAll(/^\s{0,3}\[[^\]]+\]:\s*(\S+)/gm)) targets.push(m[1]!);
  return targets;
}

/** The anchors GitHub gives a markdown file's headings. */
function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of withoutCodeKeepingHeadings(markdown)) {
    const m = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const text = m[1]!.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
    const base = text.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

/** Lines outside fenced code blocks, inline code kept (a heading's code is part of its anchor). */
function withoutCodeKeepingHeadings(markdown: string): string[] {
  const lines: string[] = [];
  let fence: string | null = null;
  for (const line of markdown.split('\n')) {
    const m = /^\s*(`{3,}|~{3,})/.exec(line);
    if (fence === null && m) fence = m[1]![0]!;
    else if (fence !== null && m && m[1]![0] === fence) fence = null;
    else if (fence === null) lines.push(line);
  }
  return lines;
}

/** Every relative link of `file` (a path from the repo root) that leads nowhere. */
function brokenLinks(file: string, markdown: string): string[] {
  const broken: string[] = [];
  for (const target of linkTargets(markdown)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:
    const [pathPart, anchor] = target.split('#', 2) as [string, string | undefined];
    const path = pathPart === '' ? join(ROOT, file) : resolve(ROOT, dirname(file), decodeURIComponent(pathPart));
    if (relative(ROOT, path).startsWith('..')) {
      broken.push(`${target} (outside the repo)`);
    } else if (!existsSync(path)) {
      broken.push(`${target} (no such file)`);
    } else if (anchor !== undefined && anchor !== '' && path.endsWith('.md') && !headingAnchors(readFileSync(path, 'utf8')).has(anchor)) {
      broken.push(`${target} (no such heading)`);
    }
  }
  return broken;
}

function markdownFiles(): string[] {
  const docs = readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`);
  const tracked = trackedFiles().filter((f) => f.endsWith('.md'));
  return [...new Set(['README.md', ...docs, ...tracked])].sort();
}

describe('markdown links', () => {
  it('the check finds a missing file, a missing heading and a path out of the repo, and skips code and URLs', () => {
    const md = [
      '[ok](docs/cli.md) [ok too](docs/cli.md#cctwin-run-scenario) [web](https://example.com/x.md)',
      '[gone](docs/no-such-page.md) [bad anchor](docs/cli.md#no-such-heading) [out](../elsewhere.md)',
      '`[not a link](nowhere.md)`',
      '```',
      '[in a block](nowhere.md)',
      '```',
      '[ref]: docs/missing-too.md',
    ].join('\n');
    expect(brokenLinks('README.md', md)).toEqual([
      'docs/no-such-page.md (no such file)',
      'docs/cli.md#no-such-heading (no such heading)',
      '../elsewhere.md (outside the repo)',
      'docs/missing-too.md (no such file)',
    ]);
  });

  it('gives headings GitHub\'s anchors', () => {
    const anchors = headingAnchors('# Budgets\n## `cctwin run <scenario>`\n### Options of run and sweep\n## Hot-path budgets (`cctwin bench --budget`)\n## Budgets\n');
    expect([...anchors]).toEqual(['budgets', 'cctwin-run-scenario', 'options-of-run-and-sweep', 'hot-path-budgets-cctwin-bench---budget', 'budgets-1']);
  });

  it.each(markdownFiles())('every relative link in %s resolves', (file) => {
    expect(brokenLinks(file, read(file))).toEqual([]);
  });

  it('covers the docs, the README and the other markdown files', () => {
    const files = markdownFiles();
    for (const page of ['README.md', 'docs/README.md', 'docs/cli.md', 'docs/exit-codes.md', 'docs/scenario.md', 'docs/report.md', 'docs/budgets.md', 'docs/protocol.md', 'docs/masking.md']) {
      expect(files).toContain(page);
    }
  });
});

// ---------------------------------------------------------------- (d)

/** The commands bin/cctwin.ts hands to main(): each export's name and the module it comes from. */
function wiredCommands(): { name: string; from: string }[] {
  const source = read('bin/cctwin.ts');
  const list = /main\(\s*hideBin\(process\.argv\)\s*,\s*\[([^\]]*)\]/.exec(source);
  if (!list) throw new Error('bin/cctwin.ts: no command list handed to main()');
  const names = list[1]!.split(',').map((s) => s.trim()).filter((s) => s !== '');
  return names.map((name) => {
    const imported = new RegExp(String.raw`import\s*\{[^}]*\b${name}\b[^}]*\}\s*from\s*'([^']+)'`).exec(source);
    if (!imported) throw new Error(`bin/cctwin.ts: where does ${name} come from?`);
    return { name, from: imported[1]! };
  });
}

describe('docs/cli.md', () => {
  const cli = read('docs/cli.md');
  const headings = cli.split('\n').filter((line) => /^#{2,3}\s/.test(line));

  it('has a section for every command of bin/cctwin.ts', async () => {
    const wired = wiredCommands();
    expect(wired.length).toBeGreaterThanOrEqual(8);
    const missing: string[] = [];
    for (const { name, from } of wired) {
      const mod = (await import(resolve(ROOT, 'bin', from))) as Record<string, { command?: string | readonly string[] }>;
      const command = mod[name]?.command;
      const word = String(Array.isArray(command) ? command[0] : command).split(/\s+/)[0]!;
      expect(word).toMatch(/^[a-z]+$/);
      if (!headings.some((h) => new RegExp(String.raw`\bcctwin ${word}\b`).test(h))) missing.push(word);
    }
    expect(missing).toEqual([]);
  });
});

// ---------------------------------------------------------------- (e)

describe('docs/scenario.md', () => {
  it('its complete example loads, budgets included', () => {
    const md = read('docs/scenario.md');
    const section = md.slice(md.indexOf('## A complete example'));
    const example = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
    expect(example).toBeDefined();
    const dir = mkdtempSync(join(tmpdir(), 'cctwin-docs-'));
    try {
      const file = join(dir, 'support-day.yaml');
      writeFileSync(file, example!);
      const { scenario, budgets } = loadScenarioWithBudgets(file);
      expect(scenario.name).toBe('support-day');
      expect(budgets.length).toBe(scenario.budgets.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
