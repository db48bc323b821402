// An SDK agent for tests: the unmodified SDK, plus what a test waits on
// (incoming tasks, a task's next event, state changes), each wait bounded.
import { createSdkAgent, type SdkAgent } from '../../../load/webex/sdk-agent.js';

const WAIT_MS = 8000;

/** The SDK's task object, as far as the tests use it. */
export interface SdkTask {
  data: { interactionId: string; interaction: Record<string, unknown> & { callProcessingDetails: Record<string, unknown> }; wrapUpRequired?: boolean } & Record<string, unknown>;
  accept(): Promise<unknown>;
  end(): Promise<unknown>;
  wrapup(p: { wrapUpReason: string; auxCodeId: string }): Promise<unknown>;
  transfer(p: { to: string; destinationType: string }): Promise<unknown>;
  consult(p: { to: string; destinationType: string }): Promise<unknown>;
  consultConference(): Promise<unknown>;
  exitConference(): Promise<unknown>;
  endConsult(p: { isConsult: boolean; taskId?: string }): Promise<unknown>;
  hold(): Promise<unknown>;
  resume(): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): void;
  once(event: string, listener: (payload: unknown) => void): void;
}

export class TestSdkAgent {
  private readonly incoming: SdkTask[] = [];
  private readonly states: Record<string, unknown>[] = [];
  private waiters: (() => void)[] = [];
  profile: Record<string, unknown> = {};

  private constructor(readonly agentId: string, readonly sdk: SdkAgent) {
    sdk.cc.on('task:incoming', ((task: SdkTask) => this.push(this.incoming, task)) as (p: never) => void);
    sdk.cc.on('agent:stateChange', ((s: Record<string, unknown>) => this.push(this.states, s)) as (p: never) => void);
  }

  static async register(baseUrl: string, agentId: string, accessToken: string): Promise<TestSdkAgent> {
    const a = new TestSdkAgent(agentId, await createSdkAgent({ baseUrl, accessToken }));
    a.profile = await a.sdk.register();
    return a;
  }

  get cc(): SdkAgent['cc'] {
    return this.sdk.cc;
  }

  /** The next task offered (already offered or still to come). */
  nextTask(waitMs = WAIT_MS): Promise<SdkTask> {
    return this.take(this.incoming, () => true, 'an incoming task', waitMs);
  }

  /** The next state change matching `where` (subStatus, auxCodeId, ...). */
  nextState(where: Record<string, unknown>, waitMs = WAIT_MS): Promise<Record<string, unknown>> {
    return this.take(this.states, (s) => Object.entries(where).every(([k, v]) => s[k] === v), `a state change ${JSON.stringify(where)}`, waitMs);
  }

  /** Forget state changes seen so far. */
  clearStates(): void {
    this.states.length = 0;
  }

  idleCode(name: string): string {
    const codes = this.profile.idleCodes as { id: string; name: string }[];
    return codes.find((c) => c.name === name)!.id;
  }

  wrapUpCode(name: string): string {
    const codes = this.profile.wrapupCodes as { id: string; name: string }[];
    return codes.find((c) => c.name === name)!.id;
  }

  close(): Promise<void> {
    return this.sdk.close();
  }

  private push<T>(list: T[], item: T): void {
    list.push(item);
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  private take<T>(list: T[], match: (item: T) => boolean, what: string, waitMs: number): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.agentId}: no ${what} within ${waitMs} ms`)), waitMs);
      const look = (): void => {
        const i = list.findIndex(match);
        if (i >= 0) {
          clearTimeout(timer);
          resolve(list.splice(i, 1)[0]!);
        } else this.waiters.push(look);
      };
      look();
    });
  }
}

/** The task's next event of this name. */
export function taskEvent<T = unknown>(task: SdkTask, event: string, waitMs = WAIT_MS): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} on task ${task.data.interactionId} within ${waitMs} ms`)), waitMs);
    task.once(event, (payload) => {
      clearTimeout(timer);
      resolve(payload as T);
    });
  });
}
