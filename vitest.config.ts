import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    // Fixture builds are real `astro build`s: give them room on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Astro builds keep global state (NODE_ENV, the content layer): one test file at a time.
    fileParallelism: false,
  },
});
