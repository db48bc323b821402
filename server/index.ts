// The twin server's public face (`cctwin serve`, and `cctwin load` embedding it).
export { startServer, hostConfigOf, DrainForced, type RunningServer, type ServerStateView, type StopOutcome } from './start-server.js';
export { SERVER_DEFAULTS, type ServerOptions } from './server-options.js';
export { agentToken, agentIdOfToken } from './agent-tokens.js';
export type { EngineThread } from './engine-link.js';
export type { RateLimit } from './token-bucket.js';
export type { HostCounts } from './host-counts.js';
export type { HostState, HostSummary, AgentView, AssetView, ConversationView, QueueView, LoopDelay } from './host-snapshot.js';
export type { Directory, AssetEntry } from './directory.js';
export type { FrameRef, AgentFrameType, CustomerFrameType } from './frames.js';
