// An asset's conversations not yet ended, oldest first: an intrusive list
// through each conversation's openPrev/openNext, so opening and ending one
// hashes and allocates nothing. Iterates like the Set it replaces.
import type { Conversation } from './types.js';

export class OpenList {
  private head: Conversation | null = null;
  private tail: Conversation | null = null;
  size = 0;

  /** Append a conversation that is not on any open list. */
  add(c: Conversation): void {
    c.openPrev = this.tail;
    c.openNext = null;
    if (this.tail === null) this.head = c;
    else this.tail.openNext = c;
    this.tail = c;
    this.size++;
  }

  /** Take off a conversation that is on this list. */
  delete(c: Conversation): void {
    if (c.openPrev === null) this.head = c.openNext;
    else c.openPrev.openNext = c.openNext;
    if (c.openNext === null) this.tail = c.openPrev;
    else c.openNext.openPrev = c.openPrev;
    c.openPrev = null;
    c.openNext = null;
    this.size--;
  }

  *[Symbol.iterator](): IterableIterator<Conversation> {
    for (let c = this.head; c !== null; c = c.openNext) yield c;
  }
}
