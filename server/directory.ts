// Who exists, as the scenario set the server up: agent ids (for tokens) and
// channel assets (for customer connections).
import type { Command } from '../engine/commands.js';
import type { Channel } from '../engine/model/channel.js';

export interface AssetEntry {
  assetId: string;
  channel: Channel;
  queue: string;
}

export interface Directory {
  agentIds: readonly string[];
  assets: readonly AssetEntry[];
}

export function directoryOf(setup: readonly Command[]): Directory {
  const agentIds: string[] = [];
  const assets: AssetEntry[] = [];
  for (const cmd of setup) {
    if (cmd.type === 'addAgent') agentIds.push(cmd.agentId);
    else if (cmd.type === 'addAsset') assets.push({ assetId: cmd.assetId, channel: cmd.channel, queue: cmd.queue });
  }
  return { agentIds, assets };
}

/** The asset a customer on `channel` writes to: the one of `queue`, or the channel's first. */
export function assetFor(dir: Directory, channel: string, queue: string | null): AssetEntry | undefined {
  return dir.assets.find((a) => a.channel === channel && (queue === null || a.queue === queue));
}
