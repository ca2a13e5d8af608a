/**
 * The PostgreSQL the tests run against: LUMEN_TEST_DATABASE_URL, set by
 * scripts/with-test-postgres.sh (which .ci/run uses). Without it the PostgreSQL tests are skipped,
 * with one line saying so, never silently. Each test works in a schema of its own, dropped after.
 */
import { randomBytes } from 'node:crypto';
import { dropSchema } from '../../../src/store/postgres/postgres-connection.js';

export const TEST_DATABASE_URL = process.env['LUMEN_TEST_DATABASE_URL'] || undefined;

/** Call once at the top of a PostgreSQL test file: says when its tests are skipped. */
export function announceSkippedWithoutDatabase(what: string): void {
  if (!TEST_DATABASE_URL) {
    console.log(`PostgreSQL tests skipped (${what}): LUMEN_TEST_DATABASE_URL is not set; scripts/with-test-postgres.sh npm test runs them`);
  }
}

/** A fresh schema name, and a function that drops it. */
export function testSchema(): { schema: string; drop(): Promise<void> } {
  const schema = `lumen_test_${randomBytes(6).toString('hex')}`;
  return { schema, drop: () => dropSchema(TEST_DATABASE_URL as string, schema) };
}
