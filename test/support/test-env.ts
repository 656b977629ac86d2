/** Settings for tests; the only test file that reads the environment. */
export const testEnv = {
  /** A PostgreSQL superuser connection to the maintenance database; tests create their own databases. */
  pgAdminUrl: process.env['TEST_PG_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  /** Handed to child processes the tests start, so they find the same tools. */
  path: process.env['PATH'] ?? '',
  /** Debian's Chromium, for the portal's browser tests (tools/ensure-services.sh installs it). */
  chromiumPath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  redisUrl: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
};
