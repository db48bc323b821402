// A queue's waiting conversations in order of (enqueuedAtMs, enqueueSeq).
// Intrusive doubly linked list: new arrivals append in O(1), abandonment
// removes from the middle in O(1), and a RONA return walks back from the tail
// only past the (few) conversations that arrived after it.
import type { Conversation } from '../state/types.js';

export class WaitingList {
  head: Conversation | null = null;
  tail: Conversation | null = null;
  size = 0;

  insert(c: Conversation): void {
    let after = this.tail;
    while (after !== null && isBefore(c, after)) after = after.prev;
    c.prev = after;
    if (after === null) {
      c.next = this.head;
      this.head = c;
    } else {
      c.next = after.next;
      after.next = c;
    }
    if (c.next === null) this.tail = c;
    else c.next.prev = c;
    this.size++;
  }

  remove(c: Conversation): void {
    if (c.prev === null) this.head = c.next;
    else c.prev.next = c.next;
    if (c.next === null) this.tail = c.prev;
    else c.next.prev = c.prev;
    c.prev = null;
    c.next = null;
    this.size--;
  }

  *[Symbol.iterator](): IterableIterator<Conversation> {
    for (let c = this.head; c !== null; c = c.next) yield c;
  }
}

export function isBefore(a: Conversation, b: Conversation): boolean {
  return a.enqueuedAtMs < b.enqueuedAtMs || (a.enqueuedAtMs === b.enqueuedAtMs && a.enqueueSeq < b.enqueueSeq);
}
