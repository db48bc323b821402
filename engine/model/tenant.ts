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
}

export const DEFAULT_TENANT: Readonly<TenantSettings> = {
  maskSensitiveData: true,
  agentsCanEndSessions: true,
  releaseCapacityOnSessionEnd: true,
  csatOnSessionEnd: false,
};
