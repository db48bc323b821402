// The agent SDK lives in its own package folder (webex-sdk/), installed by
// .ci/run; on a developer's first run the SDK tests install it here (about a
// minute, once), or skip with the reason when the registry cannot be reached.
import { spawnSync } from 'node:child_process';
import { sdkFolder, sdkInstalled } from '../../../load/webex/sdk-runtime.js';

export function ensureSdk(): { ok: true } | { ok: false; reason: string } {
  if (sdkInstalled()) return { ok: true };
  const folder = sdkFolder();
  process.stderr.write(`The agent SDK tests need the vendor's SDK: installing it once with \`npm ci --prefix ${folder}\`...\n`);
  const r = spawnSync('npm', ['ci', '--prefix', folder, '--no-audit', '--no-fund'], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: 600_000 });
  if (r.status === 0 && sdkInstalled()) return { ok: true };
  const why = (r.stderr ?? '').trim().split('\n').slice(-3).join(' ') || r.error?.message || `npm exited ${r.status}`;
  return { ok: false, reason: `the agent SDK could not be installed (npm ci --prefix ${folder}): ${why}` };
}
