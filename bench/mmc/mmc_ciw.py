#!/usr/bin/env python3
"""The M/M/c model of bench/mmc in Ciw, the Python discrete-event library a
planner would pick (https://ciw.readthedocs.io). Needs `pip install ciw`:
bench/mmc/main.ts installs it into a scratch virtual environment when PyPI can
be reached, and says so and goes on when it cannot.

    python3 bench/mmc/mmc_ciw.py [--hours 1000] [--agents 65] [--rate 0.5] [--aht 120] [--seed 1]

Ciw stops at the horizon without draining: the conversations counted are
those whose service ended by then (all but the ~60 in service at the end).
Prints one JSON line, as mmc.py does; Ciw counts no events.
"""
import argparse
import json
import time

import ciw


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--hours", type=float, default=1000)
    p.add_argument("--agents", type=int, default=65)
    p.add_argument("--rate", type=float, default=0.5, help="arrivals per second")
    p.add_argument("--aht", type=float, default=120, help="mean handle time, s")
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    started = time.perf_counter()
    network = ciw.create_network(
        arrival_distributions=[ciw.dists.Exponential(rate=a.rate)],
        service_distributions=[ciw.dists.Exponential(rate=1.0 / a.aht)],
        number_of_servers=[a.agents],
    )
    ciw.seed(a.seed)
    sim = ciw.Simulation(network)
    sim.simulate_until_max_time(a.hours * 3600.0)
    records = [r for r in sim.get_all_records() if getattr(r, "record_type", "service") == "service"]
    wall = time.perf_counter() - started
    waits = [r.waiting_time for r in records]
    n = len(waits)
    print(json.dumps({
        "model": "ciw", "conversations": n, "events": None,
        "meanWaitSeconds": sum(waits) / n, "waitProbability": sum(1 for w in waits if w > 0) / n,
        "wallSeconds": wall,
    }))


if __name__ == "__main__":
    main()
