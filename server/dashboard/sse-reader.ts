// A reader of server-sent events over fetch, for tests and tools that watch
// /api/stream from Node: events come out one at a time, as parsed.
export interface ServerSentEvent {
  event: string;
  data: string;
  id?: string;
}

export class SseReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  private buffer = '';

  private constructor(readonly response: Response, private readonly abort: AbortController) {
    this.reader = response.body!.getReader();
  }

  static async open(url: string): Promise<SseReader> {
    const abort = new AbortController();
    const response = await fetch(url, { signal: abort.signal, headers: { accept: 'text/event-stream' } });
    if (!response.ok || response.body === null) throw new Error(`${url}: HTTP ${response.status}`);
    return new SseReader(response, abort);
  }

  /** The next event with data, or null when the server ended the stream. */
  async next(): Promise<ServerSentEvent | null> {
    for (;;) {
      const end = this.buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        const event = parseBlock(block);
        if (event) return event;
        continue;
      }
      const { value, done } = await this.reader.read();
      if (done) return null;
      this.buffer += this.decoder.decode(value, { stream: true });
    }
  }

  /** Hangs up, as a browser tab that closes does. */
  close(): void {
    this.abort.abort();
  }
}

function parseBlock(block: string): ServerSentEvent | null {
  let event = 'message';
  let id: string | undefined;
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id') id = value;
  }
  if (data.length === 0) return null;
  return { event, data: data.join('\n'), ...(id === undefined ? {} : { id }) };
}
