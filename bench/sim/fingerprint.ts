// What the simulator computes, as one hash per scenario: the wall-clock-free
// JSON report of several runs that between them use every feature. Not a
// speed figure: run it before and after a speed change and diff the output,
// so an optimisation that changes any count, draw or histogram shows.
// Run: npx tsc -p tsconfig.json && node dist/bench/sim/fingerprint.js
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { Scenario } from '../../scenarios/scenario.js';
import { loadScenario } from '../../scenarios/load.js';
import { simulate } from '../../pipeline/simulate.js';
import { busyCenter } from '../../sim/runner/testing/scenario-fixture.js';
import { renderJson, withoutWallClock } from '../../reports/render-json.js';
import { largeCenter } from '../../microbench/sim/large-center.js';

/** The report through the same pipeline as `cctwin run`, masked when `masked` whatever the scenario's tenant says. */
async function hashOf(s: Scenario, seed: number, masked: boolean): Promise<string> {
  const report = await simulate({ ...s, tenant: { ...s.tenant, maskSensitiveData: masked } }, { seed });
  const json = renderJson(withoutWallClock(report));
  return `${createHash('sha256').update(json).digest('hex').slice(0, 16)} arrived=${report.conversations.arrived} events=${report.simulated.events}`;
}

const here = dirname(fileURLToPath(import.meta.url));
const scenarioFile = (name: string) => join(here, '../../../scenarios', name);

const cases: [string, () => Scenario, number[], boolean][] = [
  ['busy', () => busyCenter(), [1, 2, 3, 4], false],
  ['busy masked', () => busyCenter(), [5], true],
  ['busy, capacity kept on session end, CSAT', () => busyCenter({ tenant: { maskSensitiveData: false, agentsCanEndSessions: true, releaseCapacityOnSessionEnd: false, csatOnSessionEnd: true } }), [1, 2], false],
  ['quickstart', () => loadScenario(scenarioFile('quickstart.yaml')), [1], true],
  ['erlang-c 20h', () => loadScenario(scenarioFile('erlang-c.yaml'), ['duration=20h']), [1, 2], false],
  ['large center 100k', () => largeCenter(100_000), [1], false],
];

for (const [name, make, seeds, masked] of cases) {
  const s = make();
  for (const seed of seeds) console.log(`${name} seed ${seed}: ${await hashOf(s, seed, masked)}`);
}
