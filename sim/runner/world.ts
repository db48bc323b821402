// Builds the simulated center from a scenario: the engine's queues, one
// channel asset per (channel, queue) used, and every agent of every group.
import type { Scenario } from '../../scenarios/scenario.js';
import type { Channel, Command, EngineConfig } from '../../engine/index.js';

/** What an offer shows as the source, per channel: the business's page, number or widget. */
const SOURCE_LABELS: Record<Channel, (queue: string) => string> = {
  facebook: (q) => `Facebook page: ${q}`,
  sms: () => '+1 202 555 0143',
  whatsapp: () => '+1 202 555 0187',
  livechat: (q) => `Chat widget: ${q}`,
};

export function assetIdOf(channel: Channel, queue: string): string {
  return `${channel}:${queue}`;
}

export function engineConfigOf(s: Scenario): EngineConfig {
  return {
    tenant: s.tenant,
    channels: s.channels,
    queues: s.queues.map((q) => ({ name: q.name, routing: q.routing })),
  };
}

/** The administrator's set-up commands: assets, then agents. */
export function setupCommands(s: Scenario): Command[] {
  const commands: Command[] = [];
  const seen = new Set<string>();
  for (const stream of s.customers) {
    const assetId = assetIdOf(stream.channel, stream.queue);
    if (seen.has(assetId)) continue;
    seen.add(assetId);
    commands.push({ type: 'addAsset', assetId, channel: stream.channel, queue: stream.queue, label: SOURCE_LABELS[stream.channel](stream.queue) });
  }
  for (const group of s.agents) {
    for (let i = 0; i < group.count; i++) {
      commands.push({ type: 'addAgent', agentId: agentIdOf(group.group, i), name: `${group.group} ${i + 1}`, queues: group.queues, capacity: group.capacity });
    }
  }
  return commands;
}

export function agentIdOf(group: string, index: number): string {
  return `${group}-${index + 1}`;
}
