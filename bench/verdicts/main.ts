// Steady verdicts: the same command, scenario and seed, run N times in a row
// while busy loops load every core, must give the same exit status every
// time. Prints each case's statuses and the spread of its wall-clock budget
// figures. A check on the gate, not on speed: run it by hand or in CI.
// Run: npx tsc -p tsconfig.json && node dist/bench/verdicts/main.js [--times 20] [--burners 2]
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';

interface Case {
  name: string;
  args: string[];
}

const CLI = join(process.cwd(), 'dist', 'bin', 'cctwin.js');
const SHORT = ['--set', 'duration=1h', '--set', 'warmup=10m'];

export const CASES: Case[] = [
  { name: 'run quickstart (1h)', args: ['run', 'scenarios/quickstart.yaml', ...SHORT, '--json'] },
  { name: 'run quickstart (1h) --check', args: ['run', 'scenarios/quickstart.yaml', ...SHORT, '--check', '--json'] },
  { name: 'sweep quickstart chat-desk 80..100:10', args: ['sweep', 'scenarios/quickstart.yaml', ...SHORT, '--vary', 'agents.0.count=80..100:10', '--json'] },
];

interface Outcome {
  status: number | null;
  /** Wall-clock budgets' figures, by budget. */
  figures: Record<string, number>;
  /** For a sweep: the picked point's index. */
  pick?: number | null;
}

function runOnce(c: Case): Outcome {
  const r = spawnSync(process.execPath, [CLI, ...c.args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const figures: Record<string, number> = {};
  let pick: number | null | undefined;
  try {
    const json = JSON.parse(r.stdout);
    const reports = 'points' in json ? json.points.map((p: { report: unknown }) => p.report) : [json];
    if ('points' in json) pick = json.cheapest;
    for (const report of reports) {
      for (const b of report.budgets as { budget: string; value: number; timing?: unknown }[]) if (b.timing) figures[b.budget] = b.value;
    }
  } catch {
    // Status alone then.
  }
  return { status: r.status, figures, ...(pick === undefined ? {} : { pick }) };
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const times = arg('times', 20);
const burnerCount = arg('burners', availableParallelism());
const burners = Array.from({ length: burnerCount }, () => spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }));
try {
  console.log(`${times} runs of each case, ${burnerCount} busy loops on ${availableParallelism()} cores`);
  for (const c of CASES) {
    const outcomes: Outcome[] = [];
    for (let i = 0; i < times; i++) outcomes.push(runOnce(c));
    const statuses = outcomes.map((o) => o.status);
    const steady = statuses.every((s) => s === statuses[0]);
    console.log(`\n${c.name}: ${steady ? 'STEADY' : 'FLIPPED'} exit ${[...new Set(statuses)].join('/')}  (${statuses.join('')}); load average ${loadavg()[0]!.toFixed(1)}`);
    const picks = outcomes.map((o) => o.pick).filter((p) => p !== undefined);
    if (picks.length > 0) console.log(`  picked point: ${[...new Set(picks)].join('/')}`);
    const budgets = [...new Set(outcomes.flatMap((o) => Object.keys(o.figures)))];
    for (const b of budgets) {
      const values = outcomes.map((o) => o.figures[b]!).filter((v) => v !== undefined).sort((x, y) => x - y);
      console.log(`  ${b}: min ${values[0]}, median ${values[values.length >> 1]}, max ${values[values.length - 1]}`);
    }
  }
} finally {
  for (const b of burners) b.kill();
}
