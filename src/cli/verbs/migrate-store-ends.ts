/**
 * The two ends `lumen migrate-store` copies between, each read and written whole: the data
 * directory's lowdb files (archive.json, state.json) and a PostgreSQL schema. What is copied is
 * one `StoreContent`: every briefing with its bookkeeping, and the state in the shape of the
 * lowdb state file. A `StoreDigest` sums each part up as a count and a sha256, so a copy can be
 * checked, and a second run recognised as having nothing to do.
 */
import { createHash } from 'node:crypto';
import type { StoredBriefing } from '../../store/archive.schema.js';
import { LowdbBriefingArchive } from '../../store/lowdb-briefing-archive.js';
import { openPostgresStores } from '../../store/postgres/postgres-stores.js';
import { redactConnectionString } from '../../store/postgres/postgres-connection.js';
import type { StateFile } from '../../store/state.schema.js';
import { StateStore } from '../../store/state-store.js';

export interface StoreContent {
  /** In archive order (seq ascending). */
  briefings: StoredBriefing[];
  state: StateFile;
}

export interface StoreEnd {
  /** "lowdb files in /data" or the PostgreSQL URL without its password, and schema. */
  readonly description: string;
  read(): Promise<StoreContent>;
  /** Replaces everything the end holds by `content`. */
  write(content: StoreContent): Promise<void>;
  close(): Promise<void>;
}

export const STORE_PARTS = ['briefings', 'subscriptions', 'deliveries', 'threads', 'channelContext', 'alerts'] as const;
export type StorePart = (typeof STORE_PARTS)[number];
export type StoreDigest = Record<StorePart, { count: number; sha256: string }>;

function sha256(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/**
 * Counts and hashes of each part. Both stores validate what they read with the same schemas, so
 * a record's JSON is the same text from either; maps are hashed in a fixed order (threads by id,
 * alerts by server) since neither store promises one.
 */
export function digestOf(content: StoreContent): StoreDigest {
  const { state } = content;
  const threads = Object.entries(state.threads).sort(([a], [b]) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  const alerts = Object.entries(state.alerts ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const part = (items: unknown[]) => ({ count: items.length, sha256: sha256(items) });
  return {
    briefings: part([...content.briefings].sort((a, b) => a.seq - b.seq)),
    subscriptions: part(state.subscriptions),
    deliveries: part(state.deliveries),
    threads: part(threads),
    channelContext: part(state.channelContext ?? []),
    alerts: part(alerts),
  };
}

export function isEmpty(digest: StoreDigest): boolean {
  return STORE_PARTS.every((part) => digest[part].count === 0);
}

export function sameDigest(a: StoreDigest, b: StoreDigest): boolean {
  return STORE_PARTS.every((part) => a[part].count === b[part].count && a[part].sha256 === b[part].sha256);
}

/** The data directory's archive.json and state.json (created empty when absent). */
export async function openLowdbEnd(dataDir: string): Promise<StoreEnd> {
  const archive = await LowdbBriefingArchive.open(dataDir);
  const state = await StateStore.open(dataDir);
  return {
    description: `lowdb files in ${dataDir}`,
    read: async () => ({ briefings: archive.importedAfter(0), state: structuredClone(state.data) as StateFile }),
    write: async ({ briefings, state: next }) => {
      await archive.restore(briefings);
      await state.update((current) => {
        const copy = structuredClone(next);
        current.subscriptions = copy.subscriptions;
        current.deliveries = copy.deliveries;
        current.threads = copy.threads;
        if (copy.alerts) current.alerts = copy.alerts;
        else delete current.alerts;
        if (copy.channelContext) current.channelContext = copy.channelContext;
        else delete current.channelContext;
      });
    },
    close: async () => {
      // Every write resolved once it was on disk.
    },
  };
}

/** A PostgreSQL schema (migrated on open), followed by no change feed: the copy is all it does. */
export async function openPostgresEnd(connectionString: string, schema: string | undefined): Promise<StoreEnd> {
  const stores = await openPostgresStores({ connectionString, ...(schema ? { schema } : {}), listen: false, refreshIntervalMs: 0 });
  return {
    description: `PostgreSQL ${redactConnectionString(connectionString)} (schema ${stores.schema})`,
    read: async () => {
      await stores.archive.refresh();
      return { briefings: stores.archive.importedAfter(0), state: await stores.readState() };
    },
    write: async ({ briefings, state }) => {
      await stores.archive.restore(briefings);
      await stores.replaceState(state);
    },
    close: () => stores.close(),
  };
}
