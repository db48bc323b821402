// What the hub holds back for one connection: the history lines of the
// conversations an agent takes or gets back on reconnecting, paged out as
// the socket drains, and the frames that must follow them.
//
// Order (docs/protocol.md, "History and order"): a conversation's history
// lines come before every later frame about that conversation, and before
// the ack of the command that caused them; frames about other conversations,
// and frames about none (state, offers of other conversations, acks of other
// commands), are not held and keep flowing meanwhile. So each conversation
// reads exactly as if its history had been sent at once.
//
// Paging: history goes out a page (about `historyPageBytes`) at a time, and
// the next page only while the socket's bufferedAmount is below
// `historyLowWaterBytes`; a page's last frame carries a ws send callback
// (called once the page left for the kernel) that pumps the next one. When
// live frames alone keep the buffer above the low-water mark, a short poll
// retries. A history of any length thus never puts more than about
// low-water + one page of the server's own bytes in the socket's buffer.
//
// What counts against the slow-reader bound (socket-hub.ts): frames held here
// that are not history (`heldBytes`: the reader owes them), and what the
// socket buffers minus the history lines in it (`historyInFlight`): the
// history the server chose to send is never the reader's fault.
import WebSocket from 'ws';

export interface PagingLimits {
  /** A page of history lines is at least one line and about this many bytes. */
  historyPageBytes: number;
  /** The next page leaves only while the socket's bufferedAmount is below this. */
  historyLowWaterBytes: number;
}

/** Writes one frame on the connection now; `done` is called once it left for the kernel (or failed). */
export type FrameWriter = (frame: string, done?: (err?: Error | null) => void) => void;

/** How soon to look again when live frames alone keep the buffer above the low-water mark. */
const RETRY_MS = 10;

export class Outbox {
  private frames: string[] = [];
  private sizes: number[] = [];
  /** Conversation of each queued frame, negative for a history line. */
  private about: number[] = [];
  private head = 0;
  /** Frames queued per conversation: while it has any, its new frames queue behind them. */
  private readonly queuedOf = new Map<number, number>();
  /** Bytes queued here that are not history: owed by the reader, counted as unsent. */
  heldBytes = 0;
  /** History bytes handed to the socket, not yet written out: the server's own, never counted. */
  historyInFlight = 0;
  /** Page callbacks still to come: each pumps again. */
  private pagesOut = 0;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly ws: WebSocket,
    private readonly limits: PagingLimits,
    private readonly write: FrameWriter,
  ) {}

  /** True while frames of this conversation wait here: its next frames must queue behind them. */
  holds(conversationId: number): boolean {
    return this.queuedOf.has(conversationId);
  }

  get queued(): number {
    return this.frames.length - this.head;
  }

  /** Queue a frame about a conversation (a history line, or a frame that must follow one) and send what may go now. */
  push(frame: string, conversationId: number, history: boolean): void {
    const bytes = Buffer.byteLength(frame);
    this.frames.push(frame);
    this.sizes.push(bytes);
    this.about.push(history ? -conversationId : conversationId);
    this.queuedOf.set(conversationId, (this.queuedOf.get(conversationId) ?? 0) + 1);
    if (!history) this.heldBytes += bytes;
    this.pump();
  }

  /** Send pages while the socket's buffer is below the low-water mark; otherwise wait for a page callback or retry. */
  pump(): void {
    if (this.ws.readyState !== WebSocket.OPEN) {
      this.clear();
      return;
    }
    const { historyPageBytes, historyLowWaterBytes } = this.limits;
    while (this.head < this.frames.length && this.ws.bufferedAmount < historyLowWaterBytes) {
      let page = 0;
      while (this.head < this.frames.length && page < historyPageBytes) {
        const i = this.head++;
        const frame = this.frames[i]!;
        const bytes = this.sizes[i]!;
        const about = this.about[i]!;
        const conversationId = about < 0 ? -about : about;
        const left = this.queuedOf.get(conversationId)! - 1;
        if (left === 0) this.queuedOf.delete(conversationId);
        else this.queuedOf.set(conversationId, left);
        page += bytes;
        const last = this.head === this.frames.length || page >= historyPageBytes;
        if (about < 0) this.historyInFlight += bytes;
        else this.heldBytes -= bytes;
        if (last) this.pagesOut++;
        this.write(frame, about < 0 || last ? (err) => this.written(about < 0 ? bytes : 0, last, err) : undefined);
        if (this.ws.readyState !== WebSocket.OPEN) {
          this.clear();
          return;
        }
      }
    }
    this.compact();
    if (this.head < this.frames.length && this.pagesOut === 0 && this.retry === undefined) {
      this.retry = setTimeout(() => {
        this.retry = undefined;
        this.pump();
      }, RETRY_MS);
      this.retry.unref();
    }
  }

  /** The connection is gone: nothing more leaves. */
  clear(): void {
    if (this.retry !== undefined) clearTimeout(this.retry);
    this.retry = undefined;
    this.frames = [];
    this.sizes = [];
    this.about = [];
    this.head = 0;
    this.queuedOf.clear();
    this.heldBytes = 0;
  }

  private written(historyBytes: number, last: boolean, err: Error | null | undefined): void {
    this.historyInFlight -= historyBytes;
    if (!last) return;
    this.pagesOut--;
    if (err) this.clear();
    else this.pump();
  }

  private compact(): void {
    if (this.head === this.frames.length) {
      if (this.head > 0) {
        this.frames = [];
        this.sizes = [];
        this.about = [];
        this.head = 0;
      }
    } else if (this.head > 1024 && this.head * 2 > this.frames.length) {
      this.frames.splice(0, this.head);
      this.sizes.splice(0, this.head);
      this.about.splice(0, this.head);
      this.head = 0;
    }
  }
}
