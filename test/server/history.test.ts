// Large histories end to end, over real sockets against the real server: a
// customer writing as much as the rate limit lets it cannot knock out the
// agents that take its conversation (the history is capped in the engine and
// paged out by the server, and the slow-reader rule counts only what a reader
// owes), while a reader that really stops reading is still closed.
import { describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/index.js';
import { serverForFile, startTestServer } from './helpers/test-server.js';
import { TestClient, type Frame } from './helpers/ws-client.js';

const GRACE_MS = 300;
/** Near the 64 KiB frame limit once in JSON: the largest message a customer can send. */
const BIG = 62_000;
const DROP_LINE = /^\d+ earlier messages? (was|were) dropped from this history$/;

const file = serverForFile({ reconnectGraceMs: GRACE_MS }, ['agents.0.count=6']);
const track = file.track;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A letters-only text (nothing for the masker to find), tagged so its place can be checked. */
function textOf(tag: string, i: number, size: number): string {
  const head = `${tag}-${'abcdefghij'[i % 10]}${'abcdefghij'[Math.floor(i / 10) % 10]}${'abcdefghij'[Math.floor(i / 100) % 10]}:`;
  return head + 'x'.repeat(size - head.length);
}

/**
 * The customer sends `count` messages of `size` characters as fast as the
 * rate limit lets it (a burst of 90 of the bucket's 100, then 40/s against
 * its 50/s); every one is accepted.
 */
async function writeAtTheLimit(cust: TestClient, tag: string, count: number, size = BIG): Promise<string[]> {
  const texts: string[] = [];
  const answers: Promise<Frame>[] = [];
  for (let i = 0; i < count; i++) {
    if (i >= 90) await sleep(25);
    texts.push(textOf(tag, i, size));
    answers.push(cust.request({ type: 'message', text: texts[i]! }));
  }
  const refused = (await Promise.all(answers)).filter((a) => a.type !== 'ack');
  expect(refused).toEqual([]);
  return texts;
}

async function slowReaderCloses(s: RunningServer): Promise<number> {
  const text = await (await fetch(`${s.url}/metrics`)).text();
  const m = /cctwin_connections_closed_total\{reason="slowReader"\} (\d+)/.exec(text);
  return m === null ? 0 : Number(m[1]);
}

async function ownerOf(s: RunningServer, id: number): Promise<string | null> {
  const c = (await s.state()).conversations.find((v) => v.conversationId === id);
  return c === undefined ? null : c.ownerId;
}

/** Frames of one conversation as the agent received them, from the `conversation` frame on. */
function framesOf(a: TestClient, id: number): Frame[] {
  const from = a.log.findIndex((f) => f.type === 'conversation' && f.conversationId === id);
  return a.log.slice(from).filter((f) => f.conversationId === id);
}

describe('a customer writing as much as the rate limit allows', () => {
  it('cannot get its agent closed, even one that stalls for a second: 130 messages of 62 KB in about 3 s all arrive, the agent stays, the conversation stays with it; the next agent gets the capped history, paged, and stays too', async () => {
    const ann = await track(TestClient.agent(file.server, 'desk-1'));
    await ann.ok({ type: 'setState', state: 'available' });
    const cust = await track(TestClient.customer(file.server, 'whatsapp', 'c-flood'));
    await cust.ok({ type: 'message', text: 'hello' });
    const offer = await ann.next('offer');
    const id = offer.conversationId as number;
    await ann.ok({ type: 'accept', offerId: offer.offerId });
    await ann.ok({ type: 'setState', state: 'idle' });

    // Other frames keep coming to the agent meanwhile: its own requests' answers.
    let asking = true;
    const asks = (async () => {
      while (asking) {
        await ann.ok({ type: 'listTargets' });
        await sleep(50);
      }
    })();
    // And the agent's desktop stalls for a second as the burst comes in (a GC pause, a network blip).
    const socket = (ann.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    socket.pause();
    setTimeout(() => socket.resume(), 1_000);
    const texts = await writeAtTheLimit(cust, 'flood', 130);
    for (const text of texts) await ann.next('message', { conversationId: id, text }, 10_000);
    asking = false;
    await asks;

    expect(ann.ws.readyState).toBe(ann.ws.OPEN);
    expect(await slowReaderCloses(file.server)).toBe(0);
    // Past the reconnection grace the conversation is still the agent's: it never went away.
    await sleep(GRACE_MS * 2);
    expect(await ownerOf(file.server, id)).toBe('desk-1');
    expect((await file.server.state()).counts.transferred).toBe(0);
    await ann.ok({ type: 'reply', conversationId: id, text: 'still here' });
    expect((await cust.next('message')).text).toBe('still here');

    // The next agent takes it with its history: capped to 256 KiB, paged, all of it, the ack after it.
    const bob = await track(TestClient.agent(file.server, 'desk-2'));
    await bob.ok({ type: 'setState', state: 'available' });
    await ann.ok({ type: 'transfer', conversationId: id, queue: 'support' });
    const transfer = await bob.next('offer', { conversationId: id, kind: 'transfer' });
    const accepted = await bob.request({ type: 'accept', offerId: transfer.offerId });
    expect(accepted.type).toBe('ack');
    const lines = framesOf(bob, id).filter((f) => f.type === 'message' || f.type === 'note');
    expect(lines[0]).toMatchObject({ from: 'system' });
    expect(String(lines[0]!.text)).toMatch(DROP_LINE);
    const kept = lines.slice(1).map((f) => String(f.text));
    expect(kept).toContain(texts.at(-1));
    expect(kept).toContain('still here');
    const customerLines = kept.filter((t) => t.startsWith('flood-'));
    expect(customerLines).toEqual(texts.slice(texts.length - customerLines.length));
    expect(kept.reduce((n, t) => n + Buffer.byteLength(t), 0)).toBeLessThanOrEqual(256 * 1024);
    // The accept's ack followed the whole history.
    const ackAt = bob.log.indexOf(accepted);
    const lastLineAt = bob.log.lastIndexOf(lines.at(-1)!);
    expect(ackAt).toBeGreaterThan(lastLineAt);
    await bob.ok({ type: 'reply', conversationId: id, text: 'bob here' });
    expect((await cust.next('message')).text).toBe('bob here');
    expect(bob.ws.readyState).toBe(bob.ws.OPEN);
    expect(ann.ws.readyState).toBe(ann.ws.OPEN);
    expect(await slowReaderCloses(file.server)).toBe(0);
    await bob.ok({ type: 'end', conversationId: id });
    await bob.ok({ type: 'wrapUp', conversationId: id, reason: 'Resolved' });
    await bob.ok({ type: 'setState', state: 'idle' });
    await ann.ok({ type: 'wrapUp', conversationId: id, reason: 'Transferred' });
  });
});

describe('histories at the cap reach the agent in full', () => {
  it('on accept, while the customer and the agent keep other frames coming: every line, in order, live lines after the history', async () => {
    const cust = await track(TestClient.customer(file.server, 'whatsapp', 'c-cap-accept'));
    // Built while no agent is available: 90 lines of 3.5 KB, past the 256 KiB cap.
    const texts = await writeAtTheLimit(cust, 'cap', 90, 3_500);
    const cara = await track(TestClient.agent(file.server, 'desk-3'));
    await cara.ok({ type: 'setState', state: 'available' });
    const offer = await cara.next('offer');
    const id = offer.conversationId as number;
    const accepted = cara.request({ type: 'accept', offerId: offer.offerId });
    // Queued meanwhile: the customer writes on, the agent asks for targets.
    const live = ['live one', 'live two', 'live three'];
    const liveAcks = live.map((text) => cust.request({ type: 'message', text }));
    const targets = cara.request({ type: 'listTargets' });
    expect((await accepted).type).toBe('ack');
    expect((await targets).type).toBe('ack');
    for (const a of await Promise.all(liveAcks)) expect(a.type).toBe('ack');
    for (const text of live) await cara.next('message', { conversationId: id, text });

    const frames = framesOf(cara, id).filter((f) => f.type === 'message');
    const all = frames.map((f) => String(f.text));
    expect(all[0]).toMatch(DROP_LINE);
    const history = all.slice(1, all.length - live.length);
    expect(history).toEqual(texts.slice(texts.length - history.length));
    expect(history.length).toBeGreaterThan(60);
    expect(all.slice(all.length - live.length)).toEqual(live);
    expect(cara.ws.readyState).toBe(cara.ws.OPEN);
    expect(await slowReaderCloses(file.server)).toBe(0);
    await cara.ok({ type: 'end', conversationId: id });
    await cara.ok({ type: 'wrapUp', conversationId: id, reason: 'Resolved' });
    await cara.ok({ type: 'setState', state: 'idle' });
  });

  it('on reconnecting: the desk with two histories at the cap, each complete and in order, with what the customers write meanwhile after it', async () => {
    const dan = await track(TestClient.agent(file.server, 'desk-4'));
    await dan.ok({ type: 'setState', state: 'available' });
    const ids: number[] = [];
    const custs: TestClient[] = [];
    for (const name of ['c-rc-1', 'c-rc-2']) {
      const c = await track(TestClient.customer(file.server, 'whatsapp', name));
      await c.ok({ type: 'message', text: `hello from ${name}` });
      const offer = await dan.next('offer');
      await dan.ok({ type: 'accept', offerId: offer.offerId });
      ids.push(offer.conversationId as number);
      custs.push(c);
    }
    await dan.ok({ type: 'setState', state: 'idle' });
    const texts = await Promise.all(custs.map((c, k) => writeAtTheLimit(c, `rc${k}`, 12)));
    for (const t of texts) await dan.next('message', { text: t.at(-1)! }, 10_000);
    dan.ws.terminate();
    await dan.closed;
    await custs[0]!.ok({ type: 'message', text: 'while you were away' });

    const again = await track(TestClient.open(`${file.server.wsUrl}/agent?token=${encodeURIComponent(file.server.agentToken('desk-4'))}`));
    // The customers write on at once: live frames while the desk's histories page out.
    const after = custs.map((c, k) => c.request({ type: 'message', text: `after reconnect ${k}` }));
    for (const a of await Promise.all(after)) expect(a.type).toBe('ack');
    for (let k = 0; k < 2; k++) await again.next('message', { conversationId: ids[k], text: `after reconnect ${k}` }, 10_000);
    expect(again.log[0]).toMatchObject({ type: 'state', state: 'idle' });
    for (let k = 0; k < 2; k++) {
      const frames = framesOf(again, ids[k]!);
      expect(frames[0]).toMatchObject({ type: 'conversation', role: 'owner', phase: 'active' });
      const all = frames.filter((f) => f.type === 'message').map((f) => String(f.text));
      expect(all[0]).toMatch(DROP_LINE);
      expect(all.at(-1)).toBe(`after reconnect ${k}`);
      const expected = [...texts[k]!, ...(k === 0 ? ['while you were away'] : [])];
      const history = all.slice(1, -1);
      expect(history).toEqual(expected.slice(expected.length - history.length));
      expect(history.reduce((n, t) => n + Buffer.byteLength(t), 0)).toBeLessThanOrEqual(256 * 1024);
    }
    expect(again.ws.readyState).toBe(again.ws.OPEN);
    expect(await slowReaderCloses(file.server)).toBe(0);
    for (const id of ids) {
      await again.ok({ type: 'end', conversationId: id });
      await again.ok({ type: 'wrapUp', conversationId: id, reason: 'Resolved' });
    }
    await again.ok({ type: 'setState', state: 'idle' });
  });
});

describe('only what a reader owes counts', () => {
  it('a 6 MB history (a tenant with a larger cap) reaches an agent that stops reading for longer than the grace: the server\'s own pages are not held against it', async () => {
    const big = await startTestServer({ reconnectGraceMs: GRACE_MS }, ['tenant.historyMaxBytes=8000000', 'tenant.historyMaxMessages=1000']);
    const local: TestClient[] = [];
    try {
      const cust = await TestClient.customer(big, 'whatsapp', 'c-big-history');
      local.push(cust);
      const texts = await writeAtTheLimit(cust, 'big', 95);
      const eve = await TestClient.agent(big, 'desk-1');
      local.push(eve);
      await eve.ok({ type: 'setState', state: 'available' });
      const offer = await eve.next('offer');
      const id = offer.conversationId as number;
      const socket = (eve.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;
      eve.send({ type: 'accept', offerId: offer.offerId, ref: 'take' });
      socket.pause();
      await sleep(6_000); // longer than the 5 s slow-reader grace
      expect(await slowReaderCloses(big)).toBe(0);
      socket.resume();
      await eve.next('ack', { ref: 'take' }, 20_000);
      const history = framesOf(eve, id).filter((f) => f.type === 'message').map((f) => String(f.text));
      expect(history).toEqual(texts);
      expect(eve.ws.readyState).toBe(eve.ws.OPEN);
      expect(await ownerOf(big, id)).toBe('desk-1');
    } finally {
      for (const c of local) c.ws.terminate();
      await big.drain();
    }
  });

  it('a genuinely slow reader is still closed 1008, and its conversation goes on with another agent', async () => {
    const slow = await startTestServer({ reconnectGraceMs: GRACE_MS });
    const local: TestClient[] = [];
    try {
      const fay = await TestClient.agent(slow, 'desk-1');
      local.push(fay);
      await fay.ok({ type: 'setState', state: 'available' });
      const cust = await TestClient.customer(slow, 'whatsapp', 'c-to-slow');
      local.push(cust);
      await cust.ok({ type: 'message', text: 'hello' });
      const offer = await fay.next('offer');
      const id = offer.conversationId as number;
      await fay.ok({ type: 'accept', offerId: offer.offerId });
      await fay.ok({ type: 'setState', state: 'idle' });
      const rescuer = await TestClient.agent(slow, 'desk-2');
      local.push(rescuer);
      await rescuer.ok({ type: 'setState', state: 'available' });
      // Fay stops reading; the customer writes within its rate limit until the server gives up on her.
      (fay.ws as unknown as { _socket: { pause(): void } })._socket.pause();
      const started = Date.now();
      let sent = 0;
      while ((await slowReaderCloses(slow)) === 0) {
        expect(Date.now() - started, 'the slow reader was never closed').toBeLessThan(30_000);
        for (let i = 0; i < 4; i++) cust.send({ type: 'message', text: textOf('slow', sent++, BIG) });
        await sleep(100);
      }
      (fay.ws as unknown as { _socket: { resume(): void } })._socket.resume();
      expect([1008, 1006]).toContain((await fay.closed).code);
      const transfer = await rescuer.next('offer', { conversationId: id, kind: 'transfer' }, GRACE_MS + 5_000);
      await rescuer.ok({ type: 'accept', offerId: transfer.offerId });
      await rescuer.ok({ type: 'reply', conversationId: id, text: 'taking over' });
      expect((await cust.next('message')).text).toBe('taking over');
    } finally {
      for (const c of local) c.ws.terminate();
      await slow.drain();
    }
  });
});
