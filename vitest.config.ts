import { defineConfig } from 'vitest/config';

/**
 * Projects, so a run of some files starts only what they need (the browser sites are built, the
 * package packed, only when a test that needs them is queued), and files run two at a time, each in a process of its own:
 * Astro builds keep global state (NODE_ENV, the content layer), which a process boundary contains.
 * No two files share a fixture's root or a server.
 */
export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    maxWorkers: 2,
    // Fixture builds are real `astro build`s: give them room on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // What a browser or a server does under load can take longer than Vitest's default second.
    expect: { poll: { timeout: 10_000 } },
    // One seed for every property test of a run: the commit's (test/support/fast-check-seed.ts).
    setupFiles: ['test/support/fast-check-seed.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'test/bad-config/**/*.test.ts', 'test/safety/**/*.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'sites', include: ['test/build/**/*.test.ts', 'test/server/**/*.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'package', include: ['test/package/**/*.test.ts'], globalSetup: ['test/package/global-setup.ts'] },
      },
      {
        extends: true,
        test: { name: 'browser', include: ['test/browser/**/*.test.ts'], globalSetup: ['test/browser/global-setup.ts'] },
      },
    ],
  },
});
