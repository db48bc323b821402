// The engine on its own worker thread: one long-lived worker owns the one
// engine state (the engine is a single state machine, so more workers would
// need a partition the domain does not have). Batches are answered in order,
// so a FIFO of callbacks matches answers to batches.
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { EngineLink, LinkHandlers } from './engine-link.js';
import type { EngineHostConfig, HostOp, HostOutcome } from './host-ops.js';
import type { HostState, HostSummary } from './host-snapshot.js';
import type { FromWorker, ToWorker } from './worker-messages.js';

export class WorkerEngineLink implements EngineLink {
  readonly thread = 'worker' as const;
  private readonly waiting: ((outcome: HostOutcome) => void)[] = [];
  private waitingHead = 0;
  private readonly replies = new Map<number, (value: unknown) => void>();
  private nextId = 1;
  private closing = false;
  private dead = false;

  private constructor(private readonly worker: Worker, handlers: LinkHandlers) {
    worker.on('message', (m: FromWorker) => {
      switch (m.kind) {
        case 'batch': {
          const done = this.waiting[this.waitingHead++]!;
          if (this.waitingHead > 1024 && this.waitingHead * 2 > this.waiting.length) {
            this.waiting.splice(0, this.waitingHead);
            this.waitingHead = 0;
          }
          done(m.outcome);
          return;
        }
        case 'spontaneous':
          handlers.onSpontaneous(m.outcome);
          return;
        case 'reply': {
          const resolve = this.replies.get(m.id);
          this.replies.delete(m.id);
          resolve?.(m.value);
          return;
        }
        case 'ready':
          return;
      }
    });
    worker.on('error', (err) => handlers.onFatal(err));
    worker.on('exit', (code) => {
      this.dead = true;
      // Nothing more will answer: release whoever waits on a reply.
      for (const resolve of this.replies.values()) resolve(null);
      this.replies.clear();
      if (!this.closing) handlers.onFatal(new Error(`the engine worker exited (${code})`));
    });
  }

  static start(config: EngineHostConfig, handlers: LinkHandlers): Promise<WorkerEngineLink> {
    const worker = new Worker(workerFile(), { workerData: config });
    return new Promise((resolve, reject) => {
      const onError = (err: Error): void => reject(err);
      worker.once('error', onError);
      worker.once('message', (m: FromWorker) => {
        worker.off('error', onError);
        if (m.kind === 'ready') resolve(new WorkerEngineLink(worker, handlers));
        else reject(new Error(`unexpected first message from the engine worker: ${m.kind}`));
      });
    });
  }

  submit(ops: HostOp[], done: (outcome: HostOutcome) => void): void {
    this.waiting.push(done);
    this.post({ kind: 'batch', ops });
  }

  async summary(): Promise<HostSummary> {
    return this.orFail(await this.ask('summary')) as HostSummary;
  }

  async state(): Promise<HostState> {
    return this.orFail(await this.ask('state')) as HostState;
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    if (this.dead) return;
    await this.ask('close');
    await this.worker.terminate();
  }

  private orFail(value: unknown): unknown {
    if (value === null) throw new Error('the engine worker is gone');
    return value;
  }

  /** Resolves with the worker's answer, or null if the worker is gone. */
  private ask(kind: 'summary' | 'state' | 'close'): Promise<unknown> {
    if (this.dead) return Promise.resolve(null);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.replies.set(id, resolve);
      this.post({ kind, id });
    });
  }

  private post(m: ToWorker): void {
    this.worker.postMessage(m);
  }
}

/**
 * The compiled worker beside this file; when this file runs from source
 * (tests), the one tsc wrote under dist/.
 */
function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  const sibling = join(dirname(here), 'engine-worker.js');
  if (existsSync(sibling)) return sibling;
  const root = join(dirname(here), '..');
  const compiled = join(root, 'dist', relative(root, dirname(here)), 'engine-worker.js');
  if (!existsSync(compiled)) throw new Error(`engine worker not built: ${compiled} (run npx tsc -p tsconfig.json)`);
  return compiled;
}
