// `cctwin load --agent-client webex-sdk` on a short run of the small load
// center: every simulated agent is an instance of the unmodified SDK, the
// behaviour model decides as for native agents, and the run ends with the
// client's and the server's counts balanced, offers and SDK calls timed,
// and no injected value in anything an SDK agent received.
import { describe, expect, it } from 'vitest';
import { runLoad } from '../../load/index.js';
import { loadScenario } from '../../scenarios/load.js';
import { SCENARIO } from '../load/load-helpers.js';
import { ensureSdk } from './helpers/sdk-install.js';

const sdk = ensureSdk();

describe.skipIf(!sdk.ok)('a load run with SDK agents', () => {
  it('balances, times offers and SDK calls, and leaks nothing', async () => {
    const report = await runLoad({ scenario: loadScenario(SCENARIO, ['duration=10s']), speed: 10, agentClient: 'webex-sdk', hlogIntervalMs: 250 });
    expect(report.agents.count).toBe(20);
    expect(report.balance).toMatchObject({ checked: true, balanced: true });
    expect(report.accounting).toMatchObject({ balanced: true });
    expect(report.latency.offer.fromScheduled.count).toBeGreaterThan(5);
    expect(report.latency.commandAck.fromSent.count).toBeGreaterThan(10);
    expect(report.maskingLeaks.count).toBe(0);
    expect(report.maskingLeaks.framesChecked).toBeGreaterThan(50);
    // Only the races a real desktop meets too: an offer gone (RONA, the customer left) while its accept travelled
    // (the SDK then reports no code: the twin answers a task the desk no longer holds over HTTP only), a customer abandoning as it was accepted,
    // the agent picked for a transfer or a consult taken as the request went (without a code: the conversation left the desk).
    for (const what of Object.keys(report.traffic.errorsByFrame)) expect(what).toMatch(/^(accept E_SDK|accept E_UNKNOWN_OFFER|accept E_BAD_STATE|abandon E_BAD_STATE|(transfer|consult|consultConference|exitConference|conferenceTransfer) (E_TARGET_UNAVAILABLE|E_BAD_STATE|E_SDK))$/);
  });
});
