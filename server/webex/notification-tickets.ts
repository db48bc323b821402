// The notification socket's credential. The SDK opens the URL that subscribe
// returned with a plain WebSocket and no header, so the URL itself proves
// who connects: a random 256-bit ticket, bound to one agent, good once and
// for a short while (the SDK opens it right after subscribing).
import { randomBytes } from 'node:crypto';

const TICKET_TTL_MS = 60_000;

export class NotificationTickets {
  private readonly byTicket = new Map<string, { agentId: string; expiresAtMs: number }>();

  issue(agentId: string, nowMs = Date.now()): string {
    this.sweep(nowMs);
    const ticket = randomBytes(32).toString('base64url');
    this.byTicket.set(ticket, { agentId, expiresAtMs: nowMs + TICKET_TTL_MS });
    return ticket;
  }

  /** The ticket's agent, once: a ticket is spent by its first use, good or late. */
  redeem(ticket: string, nowMs = Date.now()): string | null {
    const entry = this.byTicket.get(ticket);
    if (entry === undefined) return null;
    this.byTicket.delete(ticket);
    return entry.expiresAtMs >= nowMs ? entry.agentId : null;
  }

  private sweep(nowMs: number): void {
    for (const [ticket, entry] of this.byTicket) if (entry.expiresAtMs < nowMs) this.byTicket.delete(ticket);
  }
}
