// The vendor's agent SDK (`@webex/contact-center`, pinned in webex-sdk/, a
// package folder of its own so that cctwin's own install stays small) loaded
// into Node once per process. It is a browser library; the stand-ins it
// needs are installed here before it loads, and nothing in it is changed:
//
// - window (the global object), document (visible), navigator (online), location;
// - WebSocket: the `ws` package;
// - Worker: the SDK starts its keepalive worker from a Blob URL; the stand-in
//   posts the same `{type: 'keepalive'}` messages on the interval it is given;
// - `@webex/calling` names an ES build with extensionless imports as its
//   `main`, which Node cannot load: requests for it resolve to the package's
//   CommonJS build (dist/index.js), through Module._resolveFilename.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The SDK's entry point: `Webex.init({credentials, config})` makes an instance whose `cc` is the agent API. */
export interface WebexSdk {
  init(attrs: { credentials: { access_token: string }; config: Record<string, unknown> }): WebexInstance;
}

export interface WebexInstance {
  cc: SdkContactCenter;
  once(event: 'ready', listener: () => void): void;
  canAuthorize?: boolean;
  ready?: boolean;
}

/** The part of `webex.cc` cctwin drives (the SDK's own types stay in its folder). */
export interface SdkContactCenter {
  register(): Promise<Record<string, unknown>>;
  deregister(): Promise<void>;
  stationLogin(data: { teamId: string; loginOption: string; dialNumber?: string }): Promise<Record<string, unknown>>;
  stationLogout(data: { logoutReason: string }): Promise<Record<string, unknown>>;
  setAgentState(data: { state: string; auxCodeId: string; lastStateChangeReason?: string }): Promise<Record<string, unknown>>;
  getBuddyAgents(data: { mediaType: string; state?: string }): Promise<{ data: { agentList: SdkBuddyAgent[] } }>;
  on(event: string, listener: (payload: never) => void): void;
  off(event: string, listener: (payload: never) => void): void;
}

/** One entry of the SDK's buddy list (the twin adds `canTake`: could be offered work now). */
export interface SdkBuddyAgent {
  agentId: string;
  state: string;
  teamId: string;
  agentName: string;
  canTake?: boolean;
}

let tap: ((text: string) => void) | undefined;

/**
 * Every message any SDK instance of this process receives on its
 * notification socket, as text, before the SDK reads it: the leak checks
 * read what reached the agents, not what the server meant to send.
 */
export function tapSdkSockets(listener: ((text: string) => void) | undefined): void {
  tap = listener;
}

const watchers = new Set<(text: string) => void>();

/** Beside the tap (which a load run takes for its leak checks): one more reader of the same messages, until the returned function is called. */
export function watchSdkSockets(listener: (text: string) => void): () => void {
  watchers.add(listener);
  return () => watchers.delete(listener);
}

/** The SDK folder (webex-sdk/ at the repository's root), whether run from the sources or from dist/. */
export function sdkFolder(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'webex-sdk');
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    const up = dirname(dir);
    if (up === dir) throw new Error('webex-sdk/ not found above this module');
    dir = up;
  }
}

/** True when `npm ci --prefix webex-sdk` has run. */
export function sdkInstalled(): boolean {
  return existsSync(join(sdkFolder(), 'node_modules', '@webex', 'contact-center', 'package.json'));
}

let sdkRequire: NodeJS.Require | undefined;

/**
 * Installs the stand-ins (once) and loads the SDK's agent plugin afresh.
 * The plugin keeps its services in module-level singletons (one agent per
 * page, as a browser runs it): each agent of a process gets its own copy of
 * the plugin's modules (about 60 ms and well under 1 MB each, measured), so
 * agents do not share a notification socket or pending requests. The
 * SDK's core and the packages under it load once and are shared.
 */
export function loadSdk(): WebexSdk {
  if (sdkRequire === undefined) {
    if (!sdkInstalled()) throw new Error(`the agent SDK is not installed: run \`npm ci --prefix ${sdkFolder()}\``);
    const r = createRequire(join(sdkFolder(), 'package.json'));
    installResolveAlias(r);
    installBrowserGlobals(tappedWebSocket(r('ws') as WsClass));
    sdkRequire = r;
  }
  for (const path of Object.keys(sdkRequire.cache)) if (path.includes(PLUGIN_PATH)) delete sdkRequire.cache[path];
  // The core keeps the first plugin registered under a name: let this copy register as `cc` (instances made earlier keep theirs).
  const core = sdkRequire('@webex/webex-core') as { default: { prototype: { _children: Record<string, unknown> } } };
  delete core.default.prototype._children.cc;
  const mod = sdkRequire('@webex/contact-center') as { default?: WebexSdk } & WebexSdk;
  return mod.default ?? mod;
}

const PLUGIN_PATH = `${sep}@webex${sep}contact-center${sep}`;

type WsClass = new (url: string, ...rest: unknown[]) => { on(event: 'message', listener: (data: unknown) => void): void };

/** The `ws` client, with every message shown to the tap first (the SDK reads messages through onmessage, set later). */
function tappedWebSocket(Base: WsClass): WsClass {
  return class TappedWebSocket extends Base {
    constructor(url: string, ...rest: unknown[]) {
      super(url, ...rest);
      this.on('message', (data) => {
        if (tap === undefined && watchers.size === 0) return;
        const text = String(data);
        tap?.(text);
        for (const w of watchers) w(text);
      });
    }
  };
}

function installResolveAlias(sdkRequire: NodeJS.Require): void {
  const callingMain = join(dirname(sdkRequire.resolve('@webex/calling/package.json')), 'dist', 'index.js');
  const Module = sdkRequire('module') as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]): string {
    return request === '@webex/calling' ? callingMain : resolve.call(this, request, ...rest);
  };
}

function installBrowserGlobals(WebSocketImpl: unknown): void {
  const g = globalThis as Record<string, unknown>;
  g.window ??= globalThis;
  g.document ??= { hidden: false, visibilityState: 'visible', addEventListener() {}, removeEventListener() {} };
  Object.defineProperty(globalThis, 'navigator', { value: { onLine: true, language: 'en-US', userAgent: 'cctwin (Node.js)', platform: 'node' }, configurable: true, writable: true });
  g.location ??= { hostname: 'localhost', href: 'http://localhost/', protocol: 'http:', origin: 'http://localhost' };
  g.WebSocket = WebSocketImpl;
  g.Worker = KeepaliveWorker;
}

/** The SDK's keepalive worker, without a thread: on `start`, post `keepalive` every `intervalDuration` ms until `terminate`. */
class KeepaliveWorker {
  onmessage: ((e: { data: unknown }) => void) | null = null;
  private timer: NodeJS.Timeout | undefined;

  postMessage(msg: { type?: string; intervalDuration?: number }): void {
    if (msg.type === 'start') {
      clearInterval(this.timer);
      this.timer = setInterval(() => this.onmessage?.({ data: { type: 'keepalive' } }), msg.intervalDuration ?? 4000);
      this.timer.unref();
    } else if (msg.type === 'terminate') {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  terminate(): void {
    clearInterval(this.timer);
  }
}
