// Administrator commands: agents, channel assets, tenant settings.
import type { EngineCore } from '../core.js';
import type { Command } from '../commands.js';
import type { CctwinError } from '../errors.js';
import type { Agent, Asset, Queue } from '../state/types.js';
import type { TenantSettings } from '../model/tenant.js';
import { isChannel } from '../model/channel.js';
import { SmallMap } from '../state/small-map.js';
import { IntMap } from '../int-map.js';

type AddAgent = Extract<Command, { type: 'addAgent' }>;
type AddAsset = Extract<Command, { type: 'addAsset' }>;
type DeleteAsset = Extract<Command, { type: 'deleteAsset' }>;
type SetTenant = Extract<Command, { type: 'setTenant' }>;

export function addAgent(core: EngineCore, cmd: AddAgent): CctwinError | null {
  if (typeof cmd.agentId !== 'string' || cmd.agentId === '') return core.refuse('E_MALFORMED', 'agentId must be a non-empty string');
  if (core.agents.has(cmd.agentId)) return core.refuse('E_DUPLICATE', `agent ${cmd.agentId}`);
  if (!Number.isInteger(cmd.capacity) || cmd.capacity < 1) return core.refuse('E_MALFORMED', 'capacity must be a whole number of at least 1');
  const queues: Queue[] = [];
  for (const name of cmd.queues ?? []) {
    const q = core.queues.get(name);
    if (q === undefined) return core.refuse('E_UNKNOWN_QUEUE', name);
    queues.push(q);
  }
  const agent: Agent = {
    index: core.agentList.length, id: cmd.agentId, name: cmd.name ?? cmd.agentId, state: 'idle', idleReason: 'Logged in',
    capacity: cmd.capacity, queues, load: 0, offers: new SmallMap(), assignments: new SmallMap(),
  };
  core.agents.set(agent.id, agent);
  core.agentList.push(agent);
  for (const q of queues) q.pool.join(agent);
  core.sink.agentState(agent);
  return null;
}

export function addAsset(core: EngineCore, cmd: AddAsset): CctwinError | null {
  if (typeof cmd.assetId !== 'string' || cmd.assetId === '') return core.refuse('E_MALFORMED', 'assetId must be a non-empty string');
  if (core.assets.has(cmd.assetId)) return core.refuse('E_DUPLICATE', `asset ${cmd.assetId}`);
  if (!isChannel(cmd.channel)) return core.refuse('E_MALFORMED', `channel must be facebook, sms, whatsapp or livechat`);
  const queue = core.queues.get(cmd.queue);
  if (queue === undefined) return core.refuse('E_UNKNOWN_QUEUE', cmd.queue);
  const asset: Asset = {
    index: core.assetList.length, live: true, id: cmd.assetId, channel: cmd.channel, rules: core.channelRules[cmd.channel], queue,
    label: cmd.label ?? cmd.assetId, open: 0, byCustomer: new Map(), byCustomerKey: new IntMap(),
  };
  core.assets.set(cmd.assetId, asset);
  core.assetList.push(asset);
  return null;
}

/** Deleting an asset interrupts every conversation on it: waiting ones end, live ones can only be ended. */
export function deleteAsset(core: EngineCore, cmd: DeleteAsset): CctwinError | null {
  const asset = core.assets.get(cmd.assetId);
  if (asset === undefined) return core.refuse('E_UNKNOWN_ASSET', String(cmd.assetId));
  core.assets.delete(asset.id);
  asset.live = false;
  // Its conversations not yet ended, oldest first (ids are handed out in arrival order).
  const open = [...core.conversations.values()].filter((c) => c.asset === asset && c.state !== 'ended');
  // Waiting ones first: a rescinded offer below routes its agent at once, and must not hand it one of these.
  for (const c of open) if (c.state === 'queued') core.endConversation(c, 'interrupted');
  for (const c of open) {
    if (c.state === 'offered') {
      if (c.offer !== null) core.rescind(c.offer, 'interrupted');
      core.endConversation(c, 'interrupted');
    } else if (c.state === 'active') {
      c.interrupted = true;
      core.closeToCustomer(c);
      if (c.offer !== null) {
        c.conferenceStatus = 'none';
        core.rescind(c.offer, 'interrupted');
      }
      const reason = `channel asset ${asset.id} was deleted`;
      if (c.owner !== null) core.sink.interrupted(c.owner, c, reason);
      if (c.conferenceAgent !== null) core.sink.interrupted(c.conferenceAgent, c, reason);
    }
  }
  return null;
}

const TENANT_KEYS: readonly (keyof TenantSettings)[] = ['maskSensitiveData', 'agentsCanEndSessions', 'releaseCapacityOnSessionEnd', 'csatOnSessionEnd'];

export function setTenant(core: EngineCore, cmd: SetTenant): CctwinError | null {
  const settings = cmd.settings as Record<string, unknown> | undefined;
  if (typeof settings !== 'object' || settings === null) return core.refuse('E_MALFORMED', 'settings must be an object');
  for (const [key, value] of Object.entries(settings)) {
    if (!(TENANT_KEYS as readonly string[]).includes(key)) return core.refuse('E_MALFORMED', `unknown tenant setting ${key}`);
    if (typeof value !== 'boolean') return core.refuse('E_MALFORMED', `${key} must be true or false`);
  }
  core.tenant = { ...core.tenant, ...(settings as Partial<TenantSettings>) };
  return null;
}

