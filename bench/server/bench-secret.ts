// The agent-token secret shared by the benchmark's server and its clients (not a real secret).
export const BENCH_SECRET = 'cctwin-server-bench';
