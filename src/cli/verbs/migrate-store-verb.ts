import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { LumenError } from '../../domain/errors.js';
import { acquireProcessLock } from '../../store/file-lock.js';
import { EXIT_FAILURE, EXIT_OK, writeText, type CliIo } from '../cli-io.js';
import { requireConfig } from '../open-archive.js';
import { UsageError, type Verb } from '../verb.js';
import { digestOf, isEmpty, openLowdbEnd, openPostgresEnd, sameDigest, STORE_PARTS, type StoreDigest, type StoreEnd } from './migrate-store-ends.js';

/** The lock a running bot holds in its data directory (DATA_DIR_LOCK_FILE of src/app/lumen-app.ts, not imported: it brings discord.js). */
export const DATA_DIR_LOCK = 'lumen.lock';

export const migrateStoreVerb: Verb = {
  name: 'migrate-store',
  summary: 'Copy the archive and state between the data directory and PostgreSQL',
  help: `Usage: lumen migrate-store --to postgres|lowdb [--replace] [--schema NAME]

Copies everything the bot keeps, from one store to the other: the archive (each briefing with
its position, revision, content hash and import date, so delivery cursors stay right) and the
state (subscriptions with their cursors and intents, the delivery log, threads, channel
context, alert settings and alerts sent).
  --to postgres   from the lowdb files in LUMEN_DATA_DIR to the database in LUMEN_DATABASE_URL
  --to lowdb      from LUMEN_DATABASE_URL back to the lowdb files in LUMEN_DATA_DIR
Stop every bot first (those on the database too): the copy replaces what the target holds, and
refuses to run while a bot holds the data directory. Running it again changes nothing. At the end each part's count and sha256 are printed for both stores;
the command exits 1 if they differ.

Options:
  --to STORE      postgres or lowdb (required)
  --replace       overwrite a target that already holds different data (without it: refused)
  --schema NAME   the PostgreSQL schema (default LUMEN_DATABASE_SCHEMA, else lumen)`,
  options: { to: { type: 'string' }, replace: { type: 'boolean' }, schema: { type: 'string' } },
  positionals: { min: 0, max: 0, name: '' },
  async run({ values }, io) {
    const to = values['to'];
    if (to !== 'postgres' && to !== 'lowdb') throw new UsageError(`--to must be postgres or lowdb (got ${to === undefined ? 'nothing' : `"${String(to)}"`})`);
    const config = requireConfig(io);
    if (!config.database) {
      throw new LumenError('config.invalid', 'LUMEN_DATABASE_URL is not set: lumen migrate-store copies between the data directory and that database (postgres://user:password@host:port/database)');
    }
    const url = config.database.url;
    const schema = typeof values['schema'] === 'string' ? values['schema'] : config.database.schema;

    await mkdir(config.dataDir, { recursive: true });
    const lock = await acquireProcessLock(join(config.dataDir, DATA_DIR_LOCK), `the data directory ${config.dataDir}`);
    const opened: StoreEnd[] = [];
    try {
      const lowdb = await openLowdbEnd(config.dataDir);
      opened.push(lowdb);
      const postgres = await openPostgresEnd(url, schema);
      opened.push(postgres);
      const [source, target] = to === 'postgres' ? [lowdb, postgres] : [postgres, lowdb];
      // The check reads the target afresh, from its files or tables, not from what this process holds in memory.
      const reopen = async () => {
        const end = to === 'postgres' ? await openPostgresEnd(url, schema) : await openLowdbEnd(config.dataDir);
        opened.push(end);
        return end;
      };
      return await copyStore(source, target, reopen, { replace: values['replace'] === true }, io);
    } finally {
      await Promise.allSettled(opened.map((end) => end.close()));
      await lock.release();
    }
  },
};

/** Copies `source` over `target` unless it is already a copy; verifies by counts and hashes. Returns the exit code. */
export async function copyStore(source: StoreEnd, target: StoreEnd, reopenTarget: () => Promise<StoreEnd>, options: { replace: boolean }, io: CliIo): Promise<number> {
  const content = await source.read();
  const wanted = digestOf(content);
  const before = digestOf(await target.read());
  writeText(io.stdout, `from ${source.description}\nto   ${target.description}\n`);
  if (sameDigest(wanted, before)) {
    writeText(io.stdout, 'The target already holds the same data: nothing was written.\n');
    printDigests(io, wanted, before);
    return EXIT_OK;
  }
  if (!isEmpty(before) && !options.replace) {
    const held = STORE_PARTS.filter((part) => before[part].count > 0).map((part) => `${before[part].count} ${part}`);
    io.stderr.write(`lumen migrate-store: the target already holds different data (${held.join(', ')}); nothing was written. --replace overwrites it with the source.\n`);
    return EXIT_FAILURE;
  }
  await target.write(content);
  const after = digestOf(await (await reopenTarget()).read());
  printDigests(io, wanted, after);
  if (!sameDigest(wanted, after)) {
    io.stderr.write('lumen migrate-store: the copy does not match the source (see the parts marked DIFFERENT)\n');
    return EXIT_FAILURE;
  }
  writeText(io.stdout, 'Copied and verified.\n');
  return EXIT_OK;
}

function printDigests(io: CliIo, source: StoreDigest, target: StoreDigest): void {
  const width = Math.max(...STORE_PARTS.map((part) => part.length));
  writeText(io.stdout, `${'part'.padEnd(width)}  ${'source'.padStart(7)}  ${'target'.padStart(7)}  sha256 (source)\n`);
  for (const part of STORE_PARTS) {
    const same = source[part].count === target[part].count && source[part].sha256 === target[part].sha256;
    writeText(
      io.stdout,
      `${part.padEnd(width)}  ${String(source[part].count).padStart(7)}  ${String(target[part].count).padStart(7)}  ${source[part].sha256.slice(0, 16)}  ${same ? 'same' : `DIFFERENT (target ${target[part].sha256.slice(0, 16)})`}\n`,
    );
  }
}
