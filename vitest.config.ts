// Test runner settings. The JSON report feeds .ci/run's closing "N passed, N failed" line.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two files at a time on CI's two cores: much of a file's time is spent waiting on Chromium, a
    // child process or the disk, so the whole run takes about 600 s instead of about 830 s.
    maxWorkers: 2,
    globalSetup: ['tests/e2e/support/build-renderer.ts'],
    allowOnly: false,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
