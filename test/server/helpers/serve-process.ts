// `cctwin serve` in a real child process (built module from dist/), for what
// needs real signals and a real exit status.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServeArgs } from '../../../bin/commands/serve.js';
import { SMALL_SCENARIO } from './test-server.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const SERVE_MODULE = `${ROOT}dist/bin/commands/serve.js`;
/** False when dist/ is not built: tests that need a child process skip. */
export const SERVE_BUILT = existsSync(SERVE_MODULE);

export interface ServeProcess {
  child: ChildProcess;
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  /** Resolves with the exit status (null if killed by a signal). */
  exited: Promise<{ status: number | null; signal: NodeJS.Signals | null }>;
  stdout(): string;
  stderr(): string;
}

/** Starts runServe(args) in a child process; resolves once it listens. */
export async function startServeProcess(args: Partial<ServeArgs> = {}, env: NodeJS.ProcessEnv = {}): Promise<ServeProcess> {
  const full: ServeArgs = { scenario: SMALL_SCENARIO, set: [], port: 0, host: '127.0.0.1', engineThread: 'worker', reconnectGrace: '30s', rateLimit: 50, rateBurst: 100, ...args };
  const script = `
    const { runServe } = await import(${JSON.stringify(SERVE_MODULE)});
    process.exitCode = await runServe(${JSON.stringify(full)});`;
  const file = join(mkdtempSync(join(tmpdir(), 'cctwin-serve-')), 'serve.mjs');
  writeFileSync(file, script);
  const child = spawn(process.execPath, [file], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<{ status: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (status, signal) => resolve({ status, signal })));
  const url = await new Promise<string>((resolve, reject) => {
    const look = (): void => {
      const m = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
      if (m) {
        child.stderr!.off('data', look);
        resolve(m[1]!);
      }
    };
    child.stderr!.on('data', look);
    void exited.then(({ status }) => reject(new Error(`serve exited ${status} before listening: ${stderr}`)));
  });
  return { child, url, port: Number(new URL(url).port), exited, stdout: () => stdout, stderr: () => stderr };
}
