/**
 * Deterministic query workloads for the search benchmark, drawn from the generator's vocabulary
 * the way readers type: lower case, accents left off, a typo in about a third of the words, and
 * autocomplete partials of every length from empty to a dozen characters.
 */
import { ACTORS, PLACES, SUBJECTS } from '../briefing-vocabulary.js';
import { generateBriefing } from '../generate-briefings.js';
import { mulberry32 } from '../prng.js';

const plain = (s: string): string => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** Swaps two adjacent letters or drops one: the typos readers make. */
function typo(word: string, rand: () => number): string {
  if (word.length < 5) return word;
  const i = 1 + Math.floor(rand() * (word.length - 3));
  return rand() < 0.5 ? word.slice(0, i) + (word[i + 1] ?? '') + (word[i] ?? '') + word.slice(i + 2) : word.slice(0, i) + word.slice(i + 1);
}

/** `count` search queries of one to three words. */
export function searchQueries(count: number, seed = 1): string[] {
  const rand = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  return Array.from({ length: count }, () => {
    const actor = pick(ACTORS);
    const parts = [
      () => plain(actor.name),
      () => plain(pick(actor.leaders).split(' ').slice(-1)[0] ?? ''),
      () => plain(pick(SUBJECTS).short),
      () => plain(pick(PLACES).replace(/^the /, '')),
      () => plain(actor.capital),
    ];
    const words = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(parts)()).join(' ').split(' ');
    return words.map((w) => (rand() < 0.3 ? typo(w, rand) : w)).join(' ');
  });
}

/** `count` follow-up questions in readers' words. */
export function askQuestions(count: number, seed = 2): string[] {
  const rand = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  return Array.from({ length: count }, () => {
    const a = pick(ACTORS);
    const b = pick(ACTORS);
    const s = pick(SUBJECTS);
    return pick([
      `Is ${a.capital} going to retaliate against ${b.adj} ${s.short}?`,
      `will ${plain(a.name)} and ${plain(b.name)} agree on monitoring ${s.noun}`,
      `Could the ${s.short} dispute spread to ${pick(PLACES)}?`,
      `what happens to insurers in ${pick(PLACES)} if ${a.adj} pressure grows`,
      `Will ${pick(a.leaders)} survive the pressure over ${s.short}?`,
    ]);
  });
}

/** `count` partly typed briefing names among the first `archiveSize` briefings (some empty). */
export function autocompletePartials(count: number, archiveSize: number, seed = 3): string[] {
  const rand = mulberry32(seed);
  return Array.from({ length: count }, () => {
    if (rand() < 0.05) return '';
    const b = generateBriefing(Math.floor(rand() * archiveSize));
    const source = rand() < 0.5 ? b.slug : plain(b.title.replace(/^LUMEN INSIGHT:\s*/, ''));
    const partial = source.slice(0, 1 + Math.floor(rand() * 12));
    return rand() < 0.15 ? typo(partial, rand) : partial;
  });
}
