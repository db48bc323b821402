// One agent driven by the unmodified vendor SDK against a twin: made from
// the server's base URL and the agent's access token (`cctwin token`), with
// the U2C catalog pointed at the server. Shared by the SDK tests and the SDK
// load client.
import { loadSdk, type SdkContactCenter, type WebexInstance } from './sdk-runtime.js';

export interface SdkAgentOptions {
  /** http://host:port of a `cctwin serve --webex`. */
  baseUrl: string;
  accessToken: string;
  /** The SDK's own log level. Default 'error'. */
  logLevel?: 'error' | 'warn' | 'info' | 'log';
  /**
   * Log lines the SDK keeps for its client-log uploads (it uploads them after
   * every failed request). Default the SDK's own (10,000); a load client with
   * hundreds of agents keeps fewer.
   */
  logHistoryLength?: number;
}

export interface SdkAgent {
  webex: WebexInstance;
  cc: SdkContactCenter;
  /** Register (profile, notification socket); resolves to the SDK's profile. */
  register(): Promise<Record<string, unknown>>;
  /** Deregister: closes the notification socket. Safe to call twice. */
  close(): Promise<void>;
}

export async function createSdkAgent(o: SdkAgentOptions): Promise<SdkAgent> {
  const Webex = loadSdk();
  const sinks = `${o.baseUrl}/sdk-sinks`;
  const webex = Webex.init({
    credentials: { access_token: o.accessToken },
    config: {
      logger: { level: o.logLevel ?? 'error', ...(o.logHistoryLength === undefined ? {} : { historyLength: o.logHistoryLength, clientHistoryLength: o.logHistoryLength }) },
      // Every service the SDK may reach before the catalog answers points at the twin's sinks, so it never leaves the host.
      services: { discovery: { u2c: `${o.baseUrl}/u2c/api/v1`, hydra: `${sinks}/hydra`, sqdiscovery: `${sinks}/region` } },
      device: { preDiscoveryServices: { hydra: `${sinks}/hydra`, hydraServiceUrl: `${sinks}/hydra`, metrics: `${sinks}/metrics`, metricsServiceUrl: `${sinks}/metrics`, atlas: `${sinks}/atlas`, atlasServiceUrl: `${sinks}/atlas`, clientLogs: `${sinks}/logs`, clientLogsServiceUrl: `${sinks}/logs` } },
      credentials: { idbroker: { url: `${sinks}/idbroker` }, identity: { url: `${sinks}/identity` } },
      cc: { allowMultiLogin: false, allowAutomatedRelogin: true },
    },
  });
  if (webex.ready !== true) await new Promise<void>((resolve) => webex.once('ready', resolve));
  let registered = false;
  let closed = false;
  return {
    webex,
    cc: webex.cc,
    async register() {
      const profile = await webex.cc.register();
      registered = true;
      return profile;
    },
    async close() {
      if (closed || !registered) return;
      closed = true;
      await webex.cc.deregister();
    },
  };
}
