/**
 * The one search service: it opens the archive's index (from the snapshot when it is current,
 * else built), follows the archive's changes, saves the snapshot after them, and hands out a
 * read-only {@link SearchView} for queries. Nothing else holds the index.
 *
 * One archive listener does everything a change needs, in order (index, topic cache, snapshot),
 * so no behaviour depends on the order in which listeners were added.
 */
import type { ArchiveSource, SnapshotStorage } from './archive-source.js';
import { BriefingIndex } from './briefing-index.js';
import { loadSearchIndex, loadSnapshotOnly, saveSearchIndex, type LoadedIndex } from './snapshot-loader.js';
import { SnapshotSaver } from './snapshot-saver.js';
import { SearchView } from './search-view.js';

/** Options for {@link SearchService.open}. */
export interface SearchServiceOptions {
  /** Where the index snapshot is kept; without, the index is built and nothing is saved. */
  snapshot?: SnapshotStorage;
  /**
   * Leave the ask and autocomplete indexes until first used: for a one-shot CLI command; the bot
   * keeps the default, so that no keystroke pays for a build.
   */
  lazy?: boolean;
  /** Save the snapshot after every archive change (the bot; default false). */
  saveOnChange?: boolean;
  /** Hears why a snapshot could not be saved after a change (the bot logs it). */
  onSaveProblem?: (problem: string) => void;
}

/** How the index was had at open, for the log: see {@link LoadedIndex}. */
export type IndexOrigin = Omit<LoadedIndex, 'index'>;

export class SearchService {
  /** The read-only view every query goes through. */
  readonly view: SearchView;
  /** How the index was had at open. */
  readonly origin: IndexOrigin;
  /** The archive the index follows (for {@link openSnapshotOnly}, the archive as the snapshot holds it). */
  readonly archive: ArchiveSource;
  readonly #archive: ArchiveSource;
  readonly #index: BriefingIndex;
  readonly #snapshot: SnapshotStorage | undefined;
  readonly #saver: SnapshotSaver | undefined;
  readonly #unsubscribe: () => void;
  /** Closes the snapshot file an index opened from the snapshot alone still reads briefings from. */
  #closeSnapshot: (() => void) | undefined;

  private constructor(archive: ArchiveSource, index: BriefingIndex, origin: IndexOrigin, options: SearchServiceOptions) {
    this.archive = archive;
    this.#archive = archive;
    this.#index = index;
    this.origin = origin;
    this.#snapshot = options.snapshot;
    const topics = new Map<string, Set<string>>();
    this.view = new SearchView(index, archive, topics);
    const snapshot = options.snapshot;
    this.#saver =
      snapshot && options.saveOnChange
        ? new SnapshotSaver(
            async () => {
              const problem = await saveSearchIndex(archive, index, snapshot);
              if (problem) options.onSaveProblem?.(problem);
            },
            (error) => options.onSaveProblem?.(`could not save the search index to ${snapshot.name}: ${error instanceof Error ? error.message : String(error)}`),
          )
        : undefined;
    this.#unsubscribe = archive.onChange((changed) => {
      for (const stored of changed) index.upsert(stored.briefing);
      topics.clear();
      this.#saver?.request();
    });
  }

  /** Opens the index of `archive`: from the snapshot when given (brought up to date and re-saved if stale), else built. */
  static async open(archive: ArchiveSource, options: SearchServiceOptions = {}): Promise<SearchService> {
    const lazy = options.lazy ?? false;
    if (!options.snapshot) {
      const index = BriefingIndex.from(archive.list().map((s) => s.briefing), { lazy });
      return new SearchService(archive, index, { from: 'build', updated: archive.size, saved: false }, options);
    }
    const { index, ...origin } = await loadSearchIndex(archive, options.snapshot, { lazy });
    return new SearchService(archive, index, origin, options);
  }

  /**
   * Opens the index and the briefings from the snapshot alone, without the archive, when the
   * snapshot was made from the archive file whose signature is `archiveSignature` (what the file
   * has now): for a one-shot command, which then reads no more than the briefings it shows.
   * Undefined when the snapshot is missing, stale, torn or of other rules: open the archive and
   * {@link open} instead (which rewrites it). A query may still throw SnapshotDamagedError
   * (snapshot-archive.ts) if a briefing's text turns out damaged: answer again the same way.
   */
  static async openSnapshotOnly(snapshot: SnapshotStorage, archiveSignature: string, options: Pick<SearchServiceOptions, 'lazy'> = {}): Promise<SearchService | undefined> {
    const loaded = await loadSnapshotOnly(snapshot, archiveSignature, { lazy: options.lazy ?? false });
    if (!loaded) return undefined;
    const service = new SearchService(loaded.archive, loaded.index, { from: 'snapshot', updated: 0, saved: false }, {});
    service.#closeSnapshot = loaded.close;
    return service;
  }

  /**
   * Brings the snapshot of `archive` up to date without keeping an index (after `lumen import`,
   * so the next `lumen search` reads it instead of re-indexing): a few upserts and one write.
   */
  static async refreshSnapshot(archive: ArchiveSource, snapshot: SnapshotStorage): Promise<IndexOrigin> {
    const { index: _index, ...origin } = await loadSearchIndex(archive, snapshot, { lazy: true });
    return origin;
  }

  /** Saves the snapshot now; returns the problem if it could not be written (or there is no snapshot). */
  async saveSnapshot(): Promise<string | undefined> {
    if (!this.#snapshot) return 'no snapshot file is configured';
    return saveSearchIndex(this.#archive, this.#index, this.#snapshot);
  }

  /** Resolves once no snapshot save is running or asked for. */
  async whenIdle(): Promise<void> {
    await this.#saver?.whenIdle();
  }

  /** Stops following the archive, after the save in flight (if any) is done. */
  async close(): Promise<void> {
    this.#unsubscribe();
    await this.whenIdle();
    this.#closeSnapshot?.();
    this.#closeSnapshot = undefined;
  }
}
