/**
 * Scores search and ask on the evaluation sets, for our index and for two baselines run on the
 * same briefings in the same run: plain BM25 (MiniSearch with its defaults) and plain fuse.js.
 * Shared by `npm run eval` (prints the table) and the threshold test (asserts the targets).
 */
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import type { Briefing } from '../../src/domain/briefing.schema.js';
import { BriefingIndex } from '../../src/search/briefing-index.js';
import { gazetteerEntities } from '../../src/search/gazetteer.js';
import { createLexicon, type LexiconOptions } from '../../src/search/lexicon.js';
import { loadAskBatches, loadAskQuestions, loadBlindBatches, loadSearchQueries, type AskBatch, type AskQuestion, type BlindBatchName, type SearchQuery } from './eval-sets.js';
import { loadSampleBriefings } from './load-samples.js';

/** Anything that ranks briefings for a query. */
export interface SearchSystem {
  name: string;
  search(query: string): string[];
}

/** Where a question is asked: the whole archive, inside one briefing, or after one was shown (a prior). */
export interface AskWhere {
  briefing?: string;
  prior?: string[];
}

/** Anything that ranks key variables for a question. */
export interface AskSystem {
  name: string;
  ask(question: string, where?: AskWhere): { slug: string; n: number }[];
}

/**
 * The cases `npm run eval` reports: `archive` (no context), `within` (asked inside the right
 * briefing, `--briefing`), `context` (the right briefing was just shown: a prior), `switch` (another
 * briefing was just shown, and the question is about this one: the prior must give way).
 */
export const ASK_CASES = ['archive', 'within', 'context', 'switch'] as const;
export type AskCase = (typeof ASK_CASES)[number];

/** A baseline knows no prior: it uses the context the only way it can, as a filter. */
const asFilter = (ranked: { slug: string; n: number }[], where: AskWhere = {}): { slug: string; n: number }[] => {
  const only = where.briefing ?? where.prior?.[0];
  return only === undefined ? ranked : ranked.filter((r) => r.slug === only);
};

/** Accuracy on one part of a set. */
export interface Accuracy {
  n: number;
  top1: number;
  top3: number;
}

/** A system's accuracy on a whole set and on each split, with the misses (top-3) for inspection. */
export interface SystemScore extends Accuracy {
  name: string;
  dev: Accuracy;
  heldout: Accuracy;
  misses: { item: string; split: string; got: string[] }[];
}

const textOf = (b: Briefing): Record<string, string> => ({
  title: b.title,
  slug: b.slug.replace(/-/g, ' '),
  summary: b.summary,
  incident: b.incident,
  actors: b.structure.actors.join(' '),
  dimensions: b.structure.dimensions.map((d) => `${d.name} ${Object.values(d.positions).join(' ')}`).join(' '),
  keyVariables: b.keyVariables.map((k) => k.text).join(' '),
  trends: b.trends.map((t) => t.text).join(' '),
  structuralSummary: b.structuralSummary,
});
const FIELDS = Object.keys(textOf({ structure: { actors: [], dimensions: [] }, keyVariables: [], trends: [], slug: '' } as unknown as Briefing));

/** Our index, with the default lexicon or a variant of it (to measure what a data source adds). */
export function ourSystems(briefings: Briefing[], name = 'ours', lexicon?: LexiconOptions): { search: SearchSystem; ask: AskSystem } {
  const index = BriefingIndex.from(briefings, lexicon ? { lexicon: createLexicon(lexicon) } : {});
  return {
    search: { name, search: (q) => index.search(q, { limit: 3 }).map((r) => r.slug) },
    ask: { name, ask: (q, where = {}) => index.ask(q, { limit: 3, ...where }).map((r) => ({ slug: r.slug, n: r.keyVariable.n })) },
  };
}

/** Plain BM25: MiniSearch with default options over whole briefings / key-variable texts. */
export function bm25Systems(briefings: Briefing[]): { search: SearchSystem; ask: AskSystem } {
  const docs = new MiniSearch({ fields: FIELDS });
  docs.addAll(briefings.map((b) => ({ id: b.slug, ...textOf(b) })));
  const kvs = new MiniSearch({ fields: ['text'] });
  kvs.addAll(briefings.flatMap((b) => b.keyVariables.map((k) => ({ id: `${b.slug}#${k.n}`, text: k.text }))));
  return {
    search: { name: 'BM25 (MiniSearch defaults)', search: (q) => docs.search(q).map((r) => String(r.id)) },
    ask: { name: 'BM25 (MiniSearch defaults)', ask: (q, where) => asFilter(kvs.search(q).map((r) => splitId(String(r.id))), where) },
  };
}

/** Plain fuse.js with default options over every field / key-variable texts. */
export function fuseSystems(briefings: Briefing[]): { search: SearchSystem; ask: AskSystem } {
  const docs = new Fuse(briefings.map((b) => ({ id: b.slug, ...textOf(b) })), { keys: FIELDS });
  const kvs = new Fuse(briefings.flatMap((b) => b.keyVariables.map((k) => ({ id: `${b.slug}#${k.n}`, text: k.text }))), { keys: ['text'] });
  return {
    search: { name: 'fuse.js (defaults)', search: (q) => docs.search(q).map((r) => r.item.id) },
    ask: { name: 'fuse.js (defaults)', ask: (q, where) => asFilter(kvs.search(q).map((r) => splitId(r.item.id)), where) },
  };
}

function splitId(id: string): { slug: string; n: number } {
  const [slug, n] = id.split('#');
  return { slug: slug ?? '', n: Number(n) };
}

/** Scores a search system: found when an expected slug is first (top-1) or in the first three. */
export function scoreSearch(system: SearchSystem, queries: readonly SearchQuery[]): SystemScore {
  return tally(system.name, queries.map((q) => {
    const got = system.search(q.query).slice(0, 3);
    const rank = got.findIndex((slug) => q.expected.includes(slug));
    return { item: q.query, split: q.split, rank, got };
  }));
}

/** Where question `q` is asked in `askCase`; `slugs` (every briefing, in a fixed order) picks the other briefing of `switch`. */
export function whereAsked(q: AskQuestion, askCase: AskCase, slugs: readonly string[]): AskWhere {
  const gold = q.expected[0]?.slug ?? '';
  if (askCase === 'within') return { briefing: gold };
  if (askCase === 'context') return { prior: [gold] };
  if (askCase === 'switch') return { prior: [q.context ?? otherThan(gold, slugs)] };
  return {};
}

/** A fixed other briefing: the next one after `slug` in `slugs`. */
function otherThan(slug: string, slugs: readonly string[]): string {
  const i = slugs.indexOf(slug);
  return slugs[(i + 1) % slugs.length] ?? slug;
}

/** Scores an ask system: found when an expected key variable is first or in the first three. */
export function scoreAsk(system: AskSystem, questions: readonly AskQuestion[], askCase: AskCase = 'archive', slugs: readonly string[] = []): SystemScore {
  return tally(system.name, askRows(system, questions, askCase, slugs));
}

type Row = { item: string; split: string; rank: number; got: string[] };

/** Each question's rank of the expected key variable (-1 when not in the first three). */
function askRows(system: AskSystem, questions: readonly AskQuestion[], askCase: AskCase = 'archive', slugs: readonly string[] = []): Row[] {
  return questions.map((q) => {
    const got = system.ask(q.question, whereAsked(q, askCase, slugs)).slice(0, 3);
    const rank = got.findIndex((r) => q.expected.some((e) => e.slug === r.slug && e.n === r.n));
    return { item: q.question, split: q.split, rank, got: got.map((r) => `${r.slug}#${r.n}`) };
  });
}

function tally(name: string, rows: Row[]): SystemScore {
  const accuracy = (part: typeof rows): Accuracy => ({
    n: part.length,
    top1: part.length === 0 ? 0 : part.filter((r) => r.rank === 0).length / part.length,
    top3: part.length === 0 ? 0 : part.filter((r) => r.rank >= 0).length / part.length,
  });
  return {
    name,
    ...accuracy(rows),
    dev: accuracy(rows.filter((r) => r.split === 'dev')),
    heldout: accuracy(rows.filter((r) => r.split === 'heldout')),
    misses: rows.filter((r) => r.rank !== 0).map(({ item, split, got }) => ({ item, split, got })),
  };
}

/**
 * Every system on both sets: ours (and its ablations when `ablations`), then the baselines (plain
 * fuse.js only when `fuse`, default true: the threshold tests compare with BM25 alone). Each system
 * answers each question once; the per-batch scores are read from those answers.
 */
export function runEvaluation(options: { ablations?: boolean; fuse?: boolean; cases?: boolean } = {}): {
  search: SystemScore[];
  ask: SystemScore[];
  askByBatch: { batch: AskBatch; scores: SystemScore[] }[];
  /** Each case of {@link ASK_CASES} over every question (with `cases`; else only `archive`). */
  askByCase: Partial<Record<AskCase, SystemScore[]>>;
  /** Each blind batch (held-out) whose file is there, by case, when `cases` asked: reported in aggregate only. */
  blind: Partial<Record<BlindBatchName, Record<AskCase, SystemScore[]>>>;
} {
  const briefings = loadSampleBriefings();
  const queries = loadSearchQueries();
  const questions = loadAskQuestions();
  const systems = [ourSystems(briefings)];
  if (options.ablations) {
    const gazetteer = gazetteerEntities();
    systems.push(ourSystems(briefings, 'ours without countries-list', {}));
    systems.push(ourSystems(briefings, 'ours without synonyms', { extraEntities: gazetteer, synonyms: false }));
  }
  systems.push(bm25Systems(briefings));
  if (options.fuse ?? true) systems.push(fuseSystems(briefings));
  const answers = systems.map((s) => ({ name: s.ask.name, rows: askRows(s.ask, questions) }));
  const archive = answers.map(({ name, rows }) => tally(name, rows));
  const slugs = briefings.map((b) => b.slug).sort();
  // The switch case uses a set's own context-switch items when it has them (the blind batches do).
  const byCase = (set: readonly AskQuestion[], switches: readonly AskQuestion[] = []): Record<AskCase, SystemScore[]> =>
    Object.fromEntries(ASK_CASES.map((c) => [c, systems.map((s) => scoreAsk(s.ask, c === 'switch' && switches.length > 0 ? switches : set, c, slugs))])) as Record<
      AskCase,
      SystemScore[]
    >;
  const blind = options.cases ? loadBlindBatches() : {};
  return {
    search: systems.map((s) => scoreSearch(s.search, queries)),
    ask: archive,
    askByBatch: loadAskBatches().map((batch) => ({ batch, scores: answers.map(({ name, rows }) => tally(name, rows.slice(batch.from, batch.to))) })),
    askByCase: options.cases ? byCase(questions) : { archive },
    blind: Object.fromEntries(Object.entries(blind).map(([name, batch]) => [name, byCase(batch.questions, batch.contextSwitch)])),
  };
}
