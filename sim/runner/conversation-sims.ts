// What the simulated world keeps per conversation in progress: which
// customer stream it came from, the customer's number, and whether its first
// owner's plan was drawn. Kept from `arrived` to `ended` only, in pooled
// records, so memory stays flat in finished conversations.
import { IntMap } from '../../engine/index.js';
import type { CustomerModel } from '../behaviour/index.js';

export interface ConversationSim {
  stream: CustomerModel;
  /** The customer's number (see CustomerArrivals). */
  customerKey: number;
  /** The first owner's plan has been drawn; later owners just work and end it. */
  planned: boolean;
}

export class ConversationSims {
  private readonly live = new IntMap<ConversationSim>();
  /** Records of conversations that ended, reused for new ones. */
  private readonly spare: ConversationSim[] = [];
  /** The customer writing right now (set around their message), so their `arrived` event finds them. */
  private writingStream: CustomerModel | null = null;
  private writingKey = -1;

  /** A customer of `stream` numbered `customerKey` is writing (null: no one is). */
  writing(stream: CustomerModel | null, customerKey: number): void {
    this.writingStream = stream;
    this.writingKey = customerKey;
  }

  /** The engine opened conversation `id` for the customer writing now. */
  arrived(id: number): ConversationSim {
    let sim = this.spare.pop();
    if (sim === undefined) {
      sim = { stream: this.writingStream!, customerKey: this.writingKey, planned: false };
    } else {
      sim.stream = this.writingStream!;
      sim.customerKey = this.writingKey;
      sim.planned = false;
    }
    this.live.set(id, sim);
    return sim;
  }

  get(id: number): ConversationSim | undefined {
    return this.live.get(id);
  }

  /** The conversation ended: its record goes back to the pool. */
  ended(id: number): void {
    const sim = this.live.get(id);
    if (sim === undefined) return;
    this.live.delete(id);
    this.spare.push(sim);
  }

  /** Conversations in progress (memory probes, tests). */
  get size(): number {
    return this.live.size;
  }
}
