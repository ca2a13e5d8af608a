import { join } from 'node:path';
import type { Config } from '../../config.js';
import type { DeliveryRecord } from '../../domain/subscription.schema.js';
import { openStores } from '../../store/open-stores.js';
import { StateFileSchema } from '../../store/state.schema.js';
import { STATE_FILE_NAME } from '../../store/state-store.js';
import { ValidatedJsonFile } from '../../store/validated-json-file.js';
import { EXIT_OK, writeText } from '../cli-io.js';
import { requireConfig } from '../open-archive.js';
import { readPositiveInt, writeJson, type Verb } from '../verb.js';

export const deliveriesVerb: Verb = {
  name: 'deliveries',
  summary: 'The delivery log: every post attempt with its outcome and reason',
  help: `Usage: lumen deliveries [--limit N] [--json]

Every delivery attempt the bot made, newest last: when, which channel, which briefings, and the
outcome (posted, skipped-filtered, skipped-empty, retrying, failed, paused-missing-access,
paused-missing-permissions, removed-unknown-channel) with its reason. The bot keeps the last 5,000.

Options:
  --limit N   only the last N (default 50)
  --json      print [{ at, subscriptionId, guildId, channelId, kind, slugs, outcome, reason?, messageId? }]`,
  options: { limit: { type: 'string' }, json: { type: 'boolean' } },
  positionals: { min: 0, max: 0, name: '' },
  async run({ values }, io) {
    const limit = readPositiveInt(values['limit'], 'limit', 50, 5000);
    const config = requireConfig(io);
    const records = config.database ? await recentInDatabase(config.dataDir, config.database, limit) : ((await new ValidatedJsonFile(join(config.dataDir, STATE_FILE_NAME), StateFileSchema).read())?.deliveries ?? []).slice(-limit);
    if (values['json']) writeJson(io, records);
    else if (records.length === 0) writeText(io.stdout, 'No deliveries yet.\n');
    else {
      for (const r of records) {
        writeText(io.stdout, `${r.at}  ${r.outcome.padEnd(26)} ${r.kind.padEnd(6)} channel ${r.channelId}  ${r.slugs.join(', ') || '-'}${r.reason ? `  (${r.reason})` : ''}\n`);
      }
    }
    return EXIT_OK;
  },
};

/** With LUMEN_DATABASE_URL the log is in PostgreSQL, where every bot sharing it writes. */
async function recentInDatabase(dataDir: string, database: NonNullable<Config['database']>, limit: number): Promise<DeliveryRecord[]> {
  const stores = await openStores({ dataDir, database });
  try {
    return await stores.deliveries.recent(limit);
  } finally {
    await stores.close();
  }
}
