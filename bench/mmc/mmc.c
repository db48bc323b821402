/*
 * The loop of bench/mmc/mmc.py in C: an M/M/c queue on a binary min-heap of
 * (time, kind) events, a ring buffer of waiting customers' arrival times,
 * splitmix64 for uniforms and -mean * log(1 - u) for exponential draws.
 * Arrivals stop at the horizon and the system drains. The ceiling a
 * JavaScript engine could hope to approach.
 *
 *   gcc -O2 -o mmc bench/mmc/mmc.c -lm   (bench/mmc/main.ts does it in a temp folder)
 *   ./mmc [hours 1000] [agents 65] [rate 0.5] [aht 120] [seed 1]
 *
 * Prints one JSON line, as mmc.py does.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef struct { double t; int kind; } Event;
enum { ARRIVAL = 0, END = 1 };

static Event *heap; static size_t heap_n, heap_cap;

static void push(double t, int kind) {
  if (heap_n == heap_cap) { heap_cap = heap_cap ? 2 * heap_cap : 1024; heap = realloc(heap, heap_cap * sizeof *heap); }
  size_t i = heap_n++;
  while (i > 0) {
    size_t p = (i - 1) / 2;
    if (heap[p].t <= t) break;
    heap[i] = heap[p];
    i = p;
  }
  heap[i].t = t; heap[i].kind = kind;
}

static Event pop(void) {
  Event top = heap[0], last = heap[--heap_n];
  size_t i = 0, n = heap_n;
  for (;;) {
    size_t c = 2 * i + 1;
    if (c >= n) break;
    if (c + 1 < n && heap[c + 1].t < heap[c].t) c++;
    if (last.t <= heap[c].t) break;
    heap[i] = heap[c];
    i = c;
  }
  if (n > 0) heap[i] = last;
  return top;
}

static uint64_t rng_state;
static double uniform(void) { /* splitmix64, 53 bits */
  uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  z ^= z >> 31;
  return (double)(z >> 11) * 0x1.0p-53;
}
static double expo(double mean) { return -mean * log(1.0 - uniform()); }

int main(int argc, char **argv) {
  double hours = argc > 1 ? atof(argv[1]) : 1000, rate = argc > 3 ? atof(argv[3]) : 0.5, aht = argc > 4 ? atof(argv[4]) : 120;
  int agents = argc > 2 ? atoi(argv[2]) : 65;
  rng_state = argc > 5 ? strtoull(argv[5], 0, 10) : 1;
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);

  double horizon = hours * 3600.0, mean_gap = 1.0 / rate;
  size_t qcap = 1 << 16, qhead = 0, qlen = 0; /* ring buffer of arrival times */
  double *queue = malloc(qcap * sizeof *queue);
  int free_agents = agents;
  uint64_t conversations = 0, events = 0, waited = 0;
  double total_wait = 0;
  push(expo(mean_gap), ARRIVAL);
  while (heap_n > 0) {
    Event e = pop();
    events++;
    if (e.kind == ARRIVAL) {
      conversations++;
      double next = e.t + expo(mean_gap);
      if (next < horizon) push(next, ARRIVAL);
      if (free_agents > 0) { free_agents--; push(e.t + expo(aht), END); }
      else {
        if (qlen == qcap) { /* grow: unroll the ring into a buffer twice the size */
          double *q2 = malloc(2 * qcap * sizeof *q2);
          for (size_t k = 0; k < qlen; k++) q2[k] = queue[(qhead + k) & (qcap - 1)];
          free(queue); queue = q2; qhead = 0; qcap *= 2;
        }
        queue[(qhead + qlen++) & (qcap - 1)] = e.t;
      }
    } else if (qlen > 0) { /* an agent finishes: the longest-waiting customer is answered */
      double arrived = queue[qhead]; qhead = (qhead + 1) & (qcap - 1); qlen--;
      waited++;
      total_wait += e.t - arrived;
      push(e.t + expo(aht), END);
    } else free_agents++;
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double wall = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
  printf("{\"model\": \"c-binary-heap\", \"conversations\": %llu, \"events\": %llu, \"meanWaitSeconds\": %.6f, \"waitProbability\": %.6f, \"wallSeconds\": %.6f}\n",
         (unsigned long long)conversations, (unsigned long long)events, total_wait / conversations, (double)waited / conversations, wall);
  return 0;
}
