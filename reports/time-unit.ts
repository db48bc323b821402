// The units a recorded time can be in, and how they convert. Engine timings
// are nanoseconds (a routing decision or a masking call is well under a
// microsecond), simulated times milliseconds, report figures seconds.
export type TimeUnit = 'ns' | 'us' | 'ms';
export type TimeOrSeconds = TimeUnit | 's';

export const NS_PER_UNIT: Readonly<Record<TimeOrSeconds, number>> = { ns: 1, us: 1e3, ms: 1e6, s: 1e9 };

export function convertTime(value: number, from: TimeOrSeconds, to: TimeOrSeconds): number {
  return from === to ? value : (value * NS_PER_UNIT[from]) / NS_PER_UNIT[to];
}
