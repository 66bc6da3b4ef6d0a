import { defineConfig } from 'vitest/config';

/**
 * "Today" is the machine's own day (common/content/event-dates.std.ts): the tests of event dates run again
 * under time zones far from UTC, west and east, where a day read with UTC getters is another day
 * at some hours (#27). Node takes a TZ set in the worker's environment before the tests run.
 */
const ZONES = ['America/New_York', 'Pacific/Auckland'];
const DATE_TESTS = ['tests/unit/event-dates.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    setupFiles: ['tests/support/vitest-setup.ts'],
    testTimeout: 20_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'integration', include: ['tests/integration/**/*.test.ts'] } },
      ...ZONES.map((zone) => ({ extends: true, test: { name: `tz ${zone}`, include: DATE_TESTS, env: { TZ: zone } } })),
    ],
  },
});
