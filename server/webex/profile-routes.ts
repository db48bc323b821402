// The agent profile the SDK reads while registering (about ten GETs under
// organization/{orgId}), built from the scenario: the user by its id, its
// team (the agent's group), the desktop profile (every idle and wrap-up code,
// no auto-answer, no voice), the multimedia profile (the agent's capacity on
// every digital channel), and the tenant's `maskSensitiveData`. Only the
// caller's own user record is served. No Webex Calling or cloud AI: the
// org settings turn WebRTC off and the AI feature list says transcripts off,
// so the SDK calls no other host.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TenantDirectory } from './tenant-directory.js';

const SITE_ID = 'site-1';

export interface ProfileContext {
  dir: TenantDirectory;
  /** The agent the request's token names (set by the auth hook). */
  agentOf(req: unknown): string;
  /** The tenant's masking setting now (the admin API may change it). */
  maskSensitiveData(): Promise<boolean>;
  refuse(reply: FastifyReply, status: number, code: 'E_UNAUTHORIZED' | 'E_NOT_FOUND', message: string): FastifyReply;
}

type OrgParams = { Params: { org: string } };

export function registerProfileRoutes(app: FastifyInstance, p: ProfileContext): void {
  const { dir } = p;
  const page = <T>(data: T[]) => ({ data, meta: { page: 0, pageSize: Math.max(100, data.length), totalPages: 1, totalRecords: data.length } });

  // Org ids in the path are checked against the token's realm by the auth hook.
  app.get<OrgParams & { Params: { id: string } }>('/wcc/organization/:org/user/by-ci-user-id/:id', async (req, reply) => {
    const agentId = p.agentOf(req);
    if (req.params.id !== agentId) return p.refuse(reply, 403, 'E_UNAUTHORIZED', 'an agent reads its own user record only');
    const a = dir.agents.get(agentId)!;
    const [firstName, ...rest] = a.name.split(' ');
    return {
      id: agentId, ciUserId: agentId, firstName, lastName: rest.join(' '), email: `${agentId}@agents.invalid`,
      agentProfileId: 'profile-agent', teamIds: [a.team], multimediaProfileId: `mm-${a.capacity}`, skillProfileId: '', siteId: SITE_ID, dbId: agentId, defaultDialledNumber: '',
    };
  });
  app.get<OrgParams>('/wcc/organization/:org', async () => ({ tenantId: dir.orgId, timezone: 'UTC', environment: 'cctwin' }));
  app.get<OrgParams>('/wcc/organization/:org/v2/organization-setting', async () => page([{ webRtcEnabled: false, maskSensitiveData: await p.maskSensitiveData(), campaignManagerEnabled: false }]));
  app.get<OrgParams>('/wcc/organization/:org/v2/tenant-configuration', async () => page([{
    timeoutDesktopInactivityMins: 0, timeoutDesktopInactivityEnabled: false, forceDefaultDn: false, dnDefaultRegex: '', dnOtherRegex: '', privacyShieldVisible: false,
    outdialEnabled: false, endCallEnabled: true, endConsultEnabled: true, callVariablesSuppressed: false, lostConnectionRecoveryTimeout: 20_000,
  }]));
  app.get<OrgParams>('/wcc/organization/:org/v2/org-url-mapping', async () => page([]));
  app.get<OrgParams>('/wcc/organization/:org/v2/ai-feature', async () => page([{ realtimeTranscripts: { enable: false }, suggestedResponses: { enable: false } }]));
  app.get<OrgParams>('/wcc/organization/:org/v2/auxiliary-code', async () => page(dir.auxCodes.map((c) => ({
    id: c.id, name: c.name, workTypeCode: c.kind, active: true, defaultCode: c.isDefault, isSystemCode: false, description: c.name,
  }))));
  app.get<OrgParams & { Params: { id: string } }>('/wcc/organization/:org/agent-profile/:id', async () => ({
    loginVoiceOptions: [], accessWrapUpCode: 'ALL', accessIdleCode: 'ALL', wrapUpCodes: [], idleCodes: [], dialPlanEnabled: false, dialPlans: [],
    lastAgentRouting: false, autoWrapUp: false, autoAnswer: false, autoWrapAfterSeconds: 0, agentAvailableAfterOutdial: false, allowAutoWrapUpExtension: false,
    outdialEnabled: false, outdialEntryPointId: '', outdialANIId: '', consultToQueue: true, addressBookId: '', agentDNValidation: 'NONE',
    viewableStatistics: { id: '', agentStats: false, accessQueueStats: 'NONE', contactServiceQueues: [], loggedInTeamStats: false, accessTeamStats: 'NONE', teams: [] },
    timeoutDesktopInactivityCustomEnabled: false, timeoutDesktopInactivityMins: 0,
    showUserDetailsMS: false, stateSynchronizationMS: false, showUserDetailsWebex: false, stateSynchronizationWebex: false,
  }));
  app.get<OrgParams & { Params: { id: string } }>('/wcc/organization/:org/multimedia-profile/:id', async (req, reply) => {
    const capacity = Number(/^mm-(\d+)$/.exec(req.params.id)?.[1]);
    if (!Number.isSafeInteger(capacity)) return p.refuse(reply, 404, 'E_NOT_FOUND', `no multimedia profile ${req.params.id}`);
    return { organizationId: dir.orgId, id: req.params.id, name: `${capacity} at once`, chat: capacity, social: capacity, email: 0, telephony: 0, active: true, blendingModeEnabled: false, blendingMode: 'NONE', systemDefault: false };
  });
  app.get<OrgParams & { Params: { id: string } }>('/wcc/organization/:org/site/:id', async () => ({ id: SITE_ID, name: 'cctwin', active: true, multimediaProfileId: '', systemDefault: true }));
  app.get<OrgParams & { Querystring: { filter?: string } }>('/wcc/organization/:org/v2/team', async (req) => {
    const wanted = idsOfFilter(req.query.filter);
    return page(dir.teams.filter((t) => wanted === null || wanted.includes(t)).map((t) => ({
      id: t, name: t, teamType: 'AGENT', teamStatus: 'IN_SERVICE', active: true, siteId: SITE_ID, siteName: 'cctwin',
      userIds: [], rankQueuesForTeam: false, queueRankings: [],
    })));
  });
  app.get<OrgParams>('/wcc/organization/:org/v2/contact-service-queue', async () => page(dir.queues.map((q) => ({
    id: q, name: q, description: q, queueType: 'INBOUND', channelType: 'SOCIAL_CHANNEL', active: true,
  }))));
}

/** `id=in=(a,b)` -> [a, b]; no filter -> null (every team). */
function idsOfFilter(filter: string | undefined): string[] | null {
  const m = filter === undefined ? null : /^id=in=\((.*)\)$/.exec(filter);
  return m === null ? null : m[1]!.split(',').filter((s) => s !== '');
}
