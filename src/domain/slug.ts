/**
 * Turning names into slugs. A file named by a person (`japan-tariffs.md`) gives its stem; a file
 * named by a machine (`000_4dd67e00ecd1d115.txt`, a UUID, `export-123`) gives nothing, and the
 * slug is made from the title the way an editor would: the headline's subject and object, without
 * the `LUMEN INSIGHT:` brand, stop words and verbs (`JAPAN TAKES STAND ON USTARIFFS` ->
 * `japan-us-tariffs`). The word lists are data: slug-words.json.
 */
import slugWords from './slug-words.json' with { type: 'json' };

const BRAND_PREFIX = /^\s*lumen\s+insight\s*[:：-]\s*/i;
const MAX_SLUG_LENGTH = 80;

const MACHINE_WORDS = new Set(slugWords.machineWords);
const STOP_WORDS = new Set(slugWords.stopWords);
const LIGHT_WORDS = new Set(slugWords.lightWords);
const VERBS = new Set(slugWords.verbs);
const DETERMINERS = new Set(['a', 'an', 'the', 'its', 'their', 'his', 'her', 'our', 'this', 'that', 'these', 'those']);

/** Lower case, no accents, `U.S.` -> `us`, possessives and apostrophes gone. */
function foldWords(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/\b((?:[a-z]\.){2,})/g, (abbreviation: string) => abbreviation.replace(/\./g, ''))
    .replace(/['’]s\b/g, '')
    .replace(/['’]/g, '');
}

export function slugify(text: string): string {
  return joinWithin(foldWords(text).replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter(Boolean));
}

function joinWithin(words: string[]): string {
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_SLUG_LENGTH) break;
    slug = next;
  }
  return slug || (words[0] ?? '').slice(0, MAX_SLUG_LENGTH);
}

/**
 * Whether a file stem is a name only a machine would give: made only of numbers, hex, long
 * random-looking tokens and generic words (`export`, `untitled`, `document`, `v2`).
 */
export function isMachineName(stem: string): boolean {
  const tokens = foldWords(stem).split(/[^a-z0-9]+/).filter(Boolean);
  return tokens.every(
    (token) =>
      /^\d+$/.test(token) ||
      /^v\d+$/.test(token) ||
      MACHINE_WORDS.has(token) ||
      (/^[0-9a-f]+$/.test(token) && /\d/.test(token)) ||
      (/^[0-9a-f]{8,}$/.test(token)) ||
      (token.length >= 8 && /\d/.test(token) && /[a-z]/.test(token)),
  );
}

/** `reports/Japan Tariffs.md` -> `japan-tariffs`; a machine name (see isMachineName) -> ''. */
export function slugFromFileName(fileName: string): string {
  const stem = (fileName.split(/[\\/]/).pop() ?? '').replace(/\.[^.]+$/, '');
  return isMachineName(stem) ? '' : slugify(stem);
}

/** The words a text uses, folded as slugs fold them: what tells `ustariffs` is `us tariffs` glued. */
export function wordsOf(text: string): Set<string> {
  return new Set(foldWords(text).split(/[^a-z0-9]+/).filter(Boolean));
}

/** One word of a headline; a hyphenated compound (`rare-earth`, `us-ukraine`) is one unit of several parts. */
interface Unit {
  parts: string[];
}

const isVerb = (word: string): boolean =>
  [word, word.replace(/s$/, ''), word.replace(/es$/, ''), word.replace(/ies$/, 'y'), word.replace(/e?d$/, ''), word.replace(/ing$/, ''), word.replace(/ing$/, 'e'), word.replace(/(.)\1(?:ing|ed)$/, '$1')].some(
    (lemma) => lemma.length >= 2 && VERBS.has(lemma),
  );

/**
 * A short slug from a title, as an editor names a story: the headline's subject, then its object,
 * at most about five words, without the brand, stop words, the verb and idioms' light words
 * (`takes a stand`, `reverses course`). `vocabulary` (the briefing's own words) splits glued words
 * (`USTARIFFS` -> `us tariffs`). Empty when nothing is left.
 */
export function editorSlugFromTitle(title: string, vocabulary?: ReadonlySet<string>): string {
  const clause = title.replace(BRAND_PREFIX, '').split(/[,;:!?]|\s[-–—]\s|[–—]/)[0] ?? '';
  const units: Unit[] = [];
  for (const raw of foldWords(clause).split(/\s+/)) {
    const parts = raw.split(/[^a-z0-9]+/).filter(Boolean);
    if (parts.length === 1 && vocabulary) units.push(...unglue(parts[0] as string, vocabulary).map((part) => ({ parts: [part] })));
    else if (parts.length > 0) units.push({ parts });
  }
  const word = (unit: Unit | undefined) => (unit && unit.parts.length === 1 ? (unit.parts[0] as string) : undefined);
  const verbAt = units.findIndex((unit, i) => {
    const w = word(unit);
    return i > 0 && w !== undefined && !STOP_WORDS.has(w) && isVerb(w) && !DETERMINERS.has(word(units[i - 1]) ?? '');
  });
  const subject = phrases(verbAt < 0 ? units : units.slice(0, verbAt));
  const objectUnits = verbAt < 0 ? [] : units.slice(verbAt + 1);
  // The verb's light word ("takes [a] stand", "pushes back"), then a second clause ("and tests ...") end or skip.
  let start = 0;
  while (start < objectUnits.length && (STOP_WORDS.has(word(objectUnits[start]) ?? '') || LIGHT_WORDS.has(word(objectUnits[start]) ?? ''))) start++;
  const secondVerb = objectUnits.findIndex((unit, i) => i > start && isVerb(word(unit) ?? '') && ['and', 'or', 'but'].includes(word(objectUnits[i - 1]) ?? ''));
  const object = phrases(objectUnits.slice(start, secondVerb < 0 ? undefined : secondVerb));

  const chosen: string[] = [];
  const size = (phrase: string[]) => phrase.length;
  // The subject: its first phrase (at most four words), and a second one only while short ("Russia and China").
  subject.forEach((phrase, i) => {
    if (i === 0) chosen.push(...phrase.slice(0, 4));
    else if (chosen.length + size(phrase) <= 2) chosen.push(...phrase);
  });
  const subjectSize = chosen.length;
  // The object: its first phrase when it fits (up to five words after a short subject), then more while short.
  object.forEach((phrase, i) => {
    const limit = i === 0 && subjectSize <= 2 ? 5 : 4;
    if (chosen.length + size(phrase) <= limit) chosen.push(...phrase);
    else if (i === 0 && subjectSize === 0) chosen.push(...phrase.slice(0, 4));
  });
  return joinWithin(chosen);
}

/** Runs of content words between stop words; a compound's parts stay together in one run. */
function phrases(units: Unit[]): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  for (const unit of units) {
    if (unit.parts.length === 1 && STOP_WORDS.has(unit.parts[0] as string)) {
      if (run.length > 0) runs.push(run);
      run = [];
    } else {
      run.push(...unit.parts);
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** `ustariffs` -> [`us`, `tariffs`] when the text uses both words and never the glued one. */
function unglue(token: string, vocabulary: ReadonlySet<string>): string[] {
  if (token.length < 5 || vocabulary.has(token)) return [token];
  for (let i = 2; i <= token.length - 3; i++) {
    const head = token.slice(0, i);
    const tail = token.slice(i);
    if (!STOP_WORDS.has(head) && vocabulary.has(head) && vocabulary.has(tail)) return [head, tail];
  }
  return [token];
}

/** A slug from a title: the editor's short slug, or failing that every word of it, without the brand. */
export function slugFromTitle(title: string, vocabulary?: ReadonlySet<string>): string {
  return editorSlugFromTitle(title, vocabulary) || slugify(title.replace(BRAND_PREFIX, ''));
}
