// Administrator settings of one tenant.

export interface TenantSettings {
  /** Mask PCI (cards, IBANs, SSNs) and PII (emails, phones) on every agent-facing surface. */
  maskSensitiveData: boolean;
  /** Agents may end a messaging session (Zendesk-style). Default on for new tenants. */
  agentsCanEndSessions: boolean;
  /** Ending a session frees the agent's capacity at once (otherwise only after end and wrap-up). */
  releaseCapacityOnSessionEnd: boolean;
  /** Send a CSAT survey when a session ends. */
  csatOnSessionEnd: boolean;
  /**
   * Most lines one conversation's history keeps (customer, agent, system
   * lines and notes); past it the oldest are dropped behind one system line
   * saying how many (EngineCore.record). Absent: the default, so tenants
   * written before the cap existed stay valid.
   */
  historyMaxMessages?: number;
  /** Most UTF-8 bytes of agent-facing text one conversation's history keeps; same rule. */
  historyMaxBytes?: number;
}

/** A conversation's history cap unless the tenant sets one: enough for any real chat, small enough to send. */
export const DEFAULT_HISTORY_MAX_MESSAGES = 500;
export const DEFAULT_HISTORY_MAX_BYTES = 256 * 1024;

export const DEFAULT_TENANT: Readonly<TenantSettings> = {
  maskSensitiveData: true,
  agentsCanEndSessions: true,
  releaseCapacityOnSessionEnd: true,
  csatOnSessionEnd: false,
  historyMaxMessages: DEFAULT_HISTORY_MAX_MESSAGES,
  historyMaxBytes: DEFAULT_HISTORY_MAX_BYTES,
};
