export const ROUTING_POLICIES = ['longest-available', 'least-busy', 'round-robin'] as const;
export type RoutingPolicyName = (typeof ROUTING_POLICIES)[number];
