// Customers coming in: one arrival process per customer stream (exact
// piecewise Poisson, from the scenario's seed), each customer's first message
// to the engine, and customers coming back after a session end. Customers are
// numbered, not named: customer n of stream i (of S) is number n * S + i to
// the engine (the lean port's numbered customers), read `s<i>-<n>` where an id
// is shown, as the behaviour model names them (CustomerModel.nextCustomerId),
// so no string is made per arrival.
import type { Scenario } from '../../scenarios/scenario.js';
import { createArrivalProcess } from '../arrivals/poisson.js';
import { createRng, deriveSeed } from '../random/prng.js';
import { CustomerModel } from '../behaviour/index.js';
import { createMessageGenerator, type MessageGenerator } from '../messages/index.js';
import type { RunContext } from './run-context.js';
import { assetIdOf } from './world.js';
import * as A from './actions.js';

export interface Arrival {
  stream: CustomerModel;
  /** The engine's handle of the stream's channel asset. */
  asset: number;
  next: () => number;
  /** Customers of the stream so far. */
  served: number;
}

/** A customer whose session was ended writes again. */
export interface Return {
  arrival: Arrival;
  customerKey: number;
}

/** What simulated customers write when the scenario asks for no generated messages. */
const PLAIN_MESSAGE = 'Hello, I need some help please';

export class CustomerArrivals {
  private readonly arrivals: Arrival[];
  private readonly messages: MessageGenerator | null;
  private readonly streamCount: number;
  /** The next arrival's time: a cell, so that no double is boxed to push it (EventQueue.pushAt). */
  private readonly at = new Float64Array(1);

  constructor(private readonly ctx: RunContext, scenario: Scenario) {
    const seed = ctx.seed;
    const port = ctx.port;
    const streams = scenario.customers.map((spec, i) => new CustomerModel(spec, i, assetIdOf(spec.channel, spec.queue), createRng(deriveSeed(seed, 'customers', i))));
    const streamCount = streams.length;
    this.streamCount = streamCount;
    port.nameCustomers((key) => `s${key % streamCount}-${Math.floor(key / streamCount)}`);
    this.arrivals = streams.map((stream, i) => {
      const process = createArrivalProcess(stream.spec.arrivals, scenario.durationMs, createRng(deriveSeed(seed, 'arrivals', i)));
      // The asset's handle is known once the set-up commands have added it (start()).
      return { stream, asset: -1, next: () => process.next(), served: 0 };
    });
    this.messages = scenario.messages === null ? null : createMessageGenerator(deriveSeed(seed, 'messages'), scenario.messages);
  }

  /** Once the center is set up: each stream's first arrival onto the queue. */
  start(): void {
    for (const arrival of this.arrivals) {
      arrival.asset = this.ctx.port.assetHandle(arrival.stream.assetId);
      const first = arrival.next();
      if (Number.isFinite(first)) this.ctx.queue.push(first, A.ARRIVAL, arrival);
    }
  }

  /** The Arrival of a stream. */
  of(stream: CustomerModel): Arrival {
    return this.arrivals[stream.index]!;
  }

  /** The stream's next customer writes; their successor is planned. */
  arrive(arrival: Arrival): void {
    this.write(arrival, ++arrival.served * this.streamCount + arrival.stream.index);
    const at = this.at;
    at[0] = arrival.next();
    if (Number.isFinite(at[0]!)) this.ctx.queue.pushAt(at, A.ARRIVAL, arrival);
  }

  /** A customer comes back after their session was ended. */
  comeBack(r: Return): void {
    this.write(r.arrival, r.customerKey);
  }

  /** The customer's message to the engine: a routing call, and a new conversation unless one is open. */
  private write(arrival: Arrival, customerKey: number): void {
    const { ctx } = this;
    const stream = arrival.stream;
    ctx.sims.writing(stream, customerKey);
    const text = this.messages === null ? PLAIN_MESSAGE : this.messages.next().text;
    const channel = stream.spec.channel;
    const proactive = channel === 'livechat' && stream.proactive();
    ctx.timer.start();
    ctx.port.customerMessageKeyed(arrival.asset, customerKey, text, channel === 'sms' || channel === 'whatsapp', proactive);
    ctx.timer.end();
    ctx.after('customerMessage');
    ctx.sims.writing(null, -1);
  }
}
