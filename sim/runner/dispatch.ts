// One action off the event queue, by kind, into the engine through the lean
// port: the agents' commands (accept, available again, wrap up, end, end the
// session, transfer, conference), customers (arrivals, returns, patience
// running out, a Livechat customer ending), engine timers and staffing changes.
import type { RunContext } from './run-context.js';
import type { CustomerArrivals, Arrival, Return } from './customer-arrivals.js';
import type { StaffingChange } from './shift-roster.js';
import { conference, leaveConference, transfer } from './agent-decisions.js';
import * as A from './actions.js';

/** What simulated agents give as their wrap-up reason. */
const WRAP_UP_REASON = 'Resolved';

export class ActionDispatch {
  constructor(private readonly ctx: RunContext, private readonly customers: CustomerArrivals) {}

  /** A RONA deadline whose offer was accepted or withdrawn is no event at all: the loop skips it uncounted. */
  isStale(kind: number, ref: unknown): boolean {
    return A.actionOf(kind) === A.ENGINE_TIMER && !this.ctx.view.offerPending(ref as number);
  }

  run(kind: number, ref: unknown): void {
    const { ctx } = this;
    const port = ctx.port;
    switch (A.actionOf(kind)) {
      case A.ARRIVAL:
        this.customers.arrive(ref as Arrival);
        break;
      case A.ENGINE_TIMER:
        ctx.timer.start();
        port.timerFired(ref as number);
        ctx.timer.end();
        ctx.after('timerFired');
        break;
      case A.ACCEPT:
        port.accept(A.agentOf(kind), ref as number);
        ctx.after('accept');
        break;
      case A.SET_AVAILABLE:
        this.setAvailable(A.agentOf(kind));
        break;
      case A.WRAP_UP:
        ctx.timer.start();
        port.wrapUp(A.agentOf(kind), ref as number, WRAP_UP_REASON);
        ctx.timer.end();
        ctx.after('wrapUp');
        break;
      case A.END:
        port.end(A.agentOf(kind), ref as number);
        ctx.after('end');
        break;
      case A.END_SESSION:
        port.endSession(A.agentOf(kind), ref as number);
        ctx.after('endSession');
        break;
      case A.STAFFING:
        for (const cmd of ctx.roster.apply(ref as StaffingChange)) ctx.run(cmd, true);
        break;
      case A.PATIENCE:
        this.patienceOver(ref as number);
        break;
      case A.CUSTOMER_END:
        port.customerEnd(ref as number);
        ctx.after('customerEnd');
        break;
      case A.RETURN:
        this.customers.comeBack(ref as Return);
        break;
      case A.TRANSFER:
        transfer(ctx, A.agentOf(kind), ref as number);
        break;
      case A.CONFERENCE:
        conference(ctx, A.agentOf(kind), ref as number);
        break;
      case A.LEAVE_CONFERENCE:
        leaveConference(ctx, ref as number);
        break;
    }
  }

  /** After RONA; an agent whose shift ended while it was in RONA stays logged out. */
  private setAvailable(agent: number): void {
    const { ctx } = this;
    if (ctx.offShift[agent] === 1) return;
    ctx.timer.start();
    ctx.port.setState(agent, 'available');
    ctx.timer.end();
    ctx.after('setState');
  }

  /** Patience runs from arrival until the first answer; a later wait (after a transfer) is not abandonment. */
  private patienceOver(id: number): void {
    const { ctx } = this;
    const state = ctx.view.stateOf(id);
    if ((state === 'queued' || state === 'offered') && ctx.view.answeredAtMs(id) < 0) {
      ctx.port.abandon(id);
      ctx.after('abandon');
    }
  }
}
