// The SDK starts some promises it never awaits: a client-log upload after
// any failed request rethrows when the upload fails (a connection reset
// under load, the server going away at the end of a run), and becomes an
// unhandled rejection. In a browser that is a console line; in the load
// process, whose last-resort handler treats any unhandled rejection as a
// bug in cctwin, it would end the run. While SDK agents run, rejections
// whose error comes from inside the SDK's package folder are counted
// instead; every other one goes to the handlers there were.
import { sep } from 'node:path';

type Listener = (reason: unknown, promise: Promise<unknown>) => void;

const SDK_PATH = `${sep}webex-sdk${sep}node_modules${sep}`;

/** Contain the SDK's unhandled rejections until the returned function is called (a load run leaves them contained for the process: the SDK's promises outlive it). */
export function containSdkRejections(onSdkRejection: (reason: unknown) => void): () => void {
  const previous = process.listeners('unhandledRejection') as Listener[];
  const filter: Listener = (reason, promise) => {
    if (fromSdk(reason)) return onSdkRejection(reason);
    if (previous.length === 0) throw reason;
    for (const l of previous) l(reason, promise);
  };
  for (const l of previous) process.off('unhandledRejection', l);
  process.on('unhandledRejection', filter);
  return () => {
    process.off('unhandledRejection', filter);
    for (const l of previous) process.on('unhandledRejection', l);
  };
}

function fromSdk(reason: unknown): boolean {
  const stack = typeof reason === 'object' && reason !== null ? String((reason as { stack?: unknown }).stack ?? '') : '';
  return stack.includes(SDK_PATH);
}
