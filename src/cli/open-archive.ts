/**
 * Shared start-up for verbs that read the archive: configuration, then the archive file.
 * Problems come back as one clear line for stderr, never a stack trace.
 */
import { loadConfig, type Config } from '../config.js';
import { LumenError } from '../domain/errors.js';
import type { BriefingArchive } from '../store/briefing-archive.js';
import { connectionOptionsOf } from '../store/database-options.js';
import type { CliIo } from './cli-io.js';

/** The configuration, or a LumenError whose message is the one line naming the bad variable. */
export function requireConfig(io: CliIo): Config {
  const loaded = loadConfig(io.env, io.cwd);
  if (!loaded.ok) throw new LumenError('config.invalid', loaded.message);
  return loaded.config;
}

/** An archive a verb opened; `close` ends its database connections (PostgreSQL), so the process can exit. */
export type OpenedArchive = BriefingArchive & { close?(): Promise<void> };

export type Opened = { ok: true; config: Config; archive: OpenedArchive } | { ok: false; message: string };

export async function openArchive(io: CliIo): Promise<Opened> {
  const loaded = loadConfig(io.env, io.cwd);
  return loaded.ok ? openArchiveWith(loaded.config) : loaded;
}

/**
 * The archive `config` names (PostgreSQL with LUMEN_DATABASE_URL, else the data directory's
 * file), or the one line saying why it cannot be trusted.
 */
export async function openArchiveWith(config: Config): Promise<Opened> {
  try {
    if (config.database) {
      // Loaded only when asked for: the lowdb verbs never load the PostgreSQL driver.
      const { PostgresBriefingArchive } = await import('../store/postgres/postgres-briefing-archive.js');
      const archive = await PostgresBriefingArchive.open({ ...connectionOptionsOf(config.database), listen: false, refreshIntervalMs: 0 });
      return { ok: true, config, archive };
    }
    // Loaded here too, not at the top: `lumen list` needs requireConfig and, from the catalog, no archive at all.
    const { LowdbBriefingArchive } = await import('../store/lowdb-briefing-archive.js');
    return { ok: true, config, archive: await LowdbBriefingArchive.open(config.dataDir) };
  } catch (error) {
    if (error instanceof LumenError) return { ok: false, message: error.message };
    throw error;
  }
}
