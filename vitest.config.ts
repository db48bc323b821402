import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['engine/**/*.test.ts', 'sim/**/*.test.ts', 'reports/**/*.test.ts', 'scenarios/**/*.test.ts', 'server/**/*.test.ts', 'load/**/*.test.ts', 'planning/**/*.test.ts', 'pipeline/**/*.test.ts', 'microbench/**/*.test.ts', 'bin/**/*.test.ts', 'bench/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    setupFiles: ['test/setup/fast-check-seed.ts'],
  },
});
