/**
 * Finds known multi-word phrases (`united states`, `abu dhabi`, `the kremlin`) in a word sequence.
 * Keyed by the first word, so a scan costs one map look-up per word of text.
 */
export class PhraseMatcher<V> {
  readonly #byFirstWord = new Map<string, { words: string[]; value: V }[]>();

  /** Adds a phrase (already folded into words). The first value added for a phrase wins. */
  add(phraseWords: readonly string[], value: V): void {
    const first = phraseWords[0];
    if (first === undefined) return;
    const list = this.#byFirstWord.get(first) ?? [];
    if (list.some((p) => sameWords(p.words, phraseWords))) return;
    list.push({ words: [...phraseWords], value });
    // Longest first, so `united states of america` wins over `united states`.
    list.sort((a, b) => b.words.length - a.words.length);
    this.#byFirstWord.set(first, list);
  }

  /** The longest phrase starting at `words[i]`, if any. */
  matchAt(words: readonly string[], i: number): { length: number; value: V } | undefined {
    const candidates = this.#byFirstWord.get(words[i] ?? '');
    if (!candidates) return undefined;
    for (const phrase of candidates) {
      if (phrase.words.every((w, k) => words[i + k] === w)) return { length: phrase.words.length, value: phrase.value };
    }
    return undefined;
  }

  /** Whether some phrase starts with `word`. */
  startsWith(word: string): boolean {
    return this.#byFirstWord.has(word);
  }

  /** Every phrase and its value: for building reverse look-ups. */
  *entries(): Iterable<{ words: string[]; value: V }> {
    for (const list of this.#byFirstWord.values()) yield* list;
  }
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((w, i) => w === b[i]);
}
