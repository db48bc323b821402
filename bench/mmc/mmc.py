#!/usr/bin/env python3
"""A bare M/M/c simulation on heapq, standard library only: the baseline a
planner would write in an afternoon. Same model as bench/mmc/mmc-65.yaml:
Poisson arrivals, exponential handle times, c agents, one FIFO queue, nobody
abandons. Arrivals stop at the horizon and the system drains, as cctwin does.

    python3 bench/mmc/mmc.py [--hours 1000] [--agents 65] [--rate 0.5] [--aht 120] [--seed 1]

Prints one JSON line: conversations, events (arrivals + handle ends popped
from the heap), mean wait (s), P(wait), and the wall time of the loop.
"""
import argparse
import heapq
import json
import random
import time
from collections import deque

ARRIVAL, END = 0, 1


def simulate(hours, agents, rate, aht, seed):
    rng = random.Random(seed)
    expo = rng.expovariate
    horizon = hours * 3600.0
    heap = [(expo(rate), ARRIVAL)]
    waiting = deque()  # arrival times of the customers in the queue
    free = agents
    conversations = events = waited = 0
    total_wait = 0.0
    while heap:
        now, kind = heapq.heappop(heap)
        events += 1
        if kind == ARRIVAL:
            conversations += 1
            nxt = now + expo(rate)
            if nxt < horizon:
                heapq.heappush(heap, (nxt, ARRIVAL))
            if free > 0:
                free -= 1
                heapq.heappush(heap, (now + expo(1.0 / aht), END))
            else:
                waiting.append(now)
        else:  # an agent finishes: the longest-waiting customer is answered
            if waiting:
                wait = now - waiting.popleft()
                waited += 1
                total_wait += wait
                heapq.heappush(heap, (now + expo(1.0 / aht), END))
            else:
                free += 1
    return conversations, events, waited, total_wait


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--hours", type=float, default=1000)
    p.add_argument("--agents", type=int, default=65)
    p.add_argument("--rate", type=float, default=0.5, help="arrivals per second")
    p.add_argument("--aht", type=float, default=120, help="mean handle time, s")
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    started = time.perf_counter()
    conversations, events, waited, total_wait = simulate(a.hours, a.agents, a.rate, a.aht, a.seed)
    wall = time.perf_counter() - started
    print(json.dumps({
        "model": "python-heapq", "conversations": conversations, "events": events,
        "meanWaitSeconds": total_wait / conversations, "waitProbability": waited / conversations,
        "wallSeconds": wall,
    }))


if __name__ == "__main__":
    main()
