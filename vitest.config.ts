import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CLI tests spawn real processes; the shared 2-core machine is slow at times.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
