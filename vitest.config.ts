import { defineConfig } from 'vitest/config';
import SummaryReporter from './test/support/summary-reporter.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', new SummaryReporter()],
    // CLI tests spawn real processes; the shared 2-core machine is slow at times.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
