// The engine worker thread: owns the one EngineHost, answers batches in the
// order they came, and posts what its timers cause on its own.
import { parentPort, workerData } from 'node:worker_threads';
import { EngineHost } from './engine-host.js';
import type { EngineHostConfig } from './host-ops.js';
import { startLoopDelayMonitor } from './loop-delay.js';
import type { ToWorker, FromWorker } from './worker-messages.js';

const port = parentPort!;
const post = (m: FromWorker): void => port.postMessage(m);
const loop = startLoopDelayMonitor();
const host = new EngineHost(workerData as EngineHostConfig, (outcome) => post({ kind: 'spontaneous', outcome }));

port.on('message', (m: ToWorker) => {
  switch (m.kind) {
    case 'batch':
      post({ kind: 'batch', outcome: host.runBatch(m.ops) });
      return;
    case 'summary':
      post({ kind: 'reply', id: m.id, value: { ...host.summary(), engineLoopDelay: loop.read() } });
      return;
    case 'state':
      post({ kind: 'reply', id: m.id, value: { ...host.state(), engineLoopDelay: loop.read() } });
      return;
    case 'close':
      host.close();
      loop.stop();
      post({ kind: 'reply', id: m.id, value: null });
      port.close();
      return;
  }
});
post({ kind: 'ready' });
