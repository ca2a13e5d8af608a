/**
 * Shared start-up for verbs that read the archive: configuration, then the archive file.
 * Problems come back as one clear line for stderr, never a stack trace.
 */
import { loadConfig, type Config } from '../config.js';
import { LumenError } from '../domain/errors.js';

/** The configuration, or a LumenError whose message is the one line naming the bad variable. */
export function requireConfig(io: CliIo): Config {
  const loaded = loadConfig(io.env, io.cwd);
  if (!loaded.ok) throw new LumenError('config.invalid', loaded.message);
  return loaded.config;
}
import { LowdbBriefingArchive } from '../store/lowdb-briefing-archive.js';
import type { CliIo } from './cli-io.js';

export type Opened = { ok: true; config: Config; archive: LowdbBriefingArchive } | { ok: false; message: string };

export async function openArchive(io: CliIo): Promise<Opened> {
  const loaded = loadConfig(io.env, io.cwd);
  return loaded.ok ? openArchiveWith(loaded.config) : loaded;
}

/** The archive of `config`'s data directory, or the one line saying why it cannot be trusted. */
export async function openArchiveWith(config: Config): Promise<Opened> {
  try {
    return { ok: true, config, archive: await LowdbBriefingArchive.open(config.dataDir) };
  } catch (error) {
    if (error instanceof LumenError) return { ok: false, message: error.message };
    throw error;
  }
}
