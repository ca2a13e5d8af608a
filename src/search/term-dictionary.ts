/**
 * Interns index terms as small integers. Indexing 10,000 briefings handles millions of words:
 * counting and filing them by number (array slots) instead of by string (map look-ups) is what
 * keeps the index build under two seconds.
 */
import { stem, type Lexicon } from './lexicon.js';
import { words } from './normalize-text.js';

interface WordInfo {
  stop: boolean;
  /** Id of the word's stem. */
  term: number;
  /** Some actor alias starts with this word. */
  startsPhrase: boolean;
}

/** A {@link TermDictionary} as plain arrays, for a snapshot file. */
export interface TermDictionaryState {
  /** By term id. */
  terms: string[];
  /** Every word seen (stop words included), in first-seen order, with its stem's term id. */
  words: string[];
  wordTerms: Int32Array;
}

/** Term ids, and the encoding of texts into them with the lexicon's rules. */
export class TermDictionary {
  readonly lexicon: Lexicon;
  readonly #ids = new Map<string, number>();
  readonly #words = new Map<string, WordInfo>();

  readonly #onNewWord: ((word: string) => void) | undefined;

  /** `onNewWord` hears each distinct non-stop word once, the first time it is encoded. */
  constructor(lexicon: Lexicon, onNewWord?: (word: string) => void) {
    this.lexicon = lexicon;
    this.#onNewWord = onNewWord;
  }

  /** Number of distinct terms seen. */
  get size(): number {
    return this.#ids.size;
  }

  /** The id of `term`, assigned on first sight. */
  intern(term: string): number {
    let id = this.#ids.get(term);
    if (id === undefined) this.#ids.set(term, (id = this.#ids.size));
    return id;
  }

  /** The id of `term` if it was ever indexed. */
  find(term: string): number | undefined {
    return this.#ids.get(term);
  }

  /** The terms by id and every word seen with its term id: what a snapshot file stores. */
  exportState(): TermDictionaryState {
    const terms = [...this.#ids.keys()];
    const words = [...this.#words.keys()];
    const wordTerms = Int32Array.from(this.#words.values(), (info) => info.term);
    return { terms, words, wordTerms };
  }

  /**
   * Takes over a state from {@link exportState} on an empty dictionary. Words are heard by
   * `onNewWord` again, in their first-seen order, so the vocabulary is rebuilt as it was.
   */
  restoreState(state: TermDictionaryState): void {
    if (this.#ids.size !== 0) throw new Error('restoreState needs an empty dictionary');
    state.terms.forEach((term, id) => this.#ids.set(term, id));
    const { lexicon } = this;
    state.words.forEach((w, i) => {
      const info = { stop: lexicon.stopWords.has(w), term: state.wordTerms[i] as number, startsPhrase: lexicon.entityPhrases.startsWith(w) };
      this.#words.set(w, info);
      if (!info.stop) this.#onNewWord?.(w);
    });
  }

  /**
   * Appends the term ids of `text` to `out`, in order and with repeats: the stems of its words
   * except stop words, plus an entity term (`@us`) wherever an actor alias occurs. Same rules as
   * `indexTerms` in analyzer.ts.
   */
  encode(text: string, out: number[]): void {
    const ws = words(text);
    const { lexicon } = this;
    for (let i = 0; i < ws.length; i++) {
      const w = ws[i] as string;
      let info = this.#words.get(w);
      if (info === undefined) {
        info = { stop: lexicon.stopWords.has(w), term: this.intern(stem(w)), startsPhrase: lexicon.entityPhrases.startsWith(w) };
        this.#words.set(w, info);
        if (!info.stop) this.#onNewWord?.(w);
      }
      if (info.startsPhrase) {
        const entity = lexicon.entityPhrases.matchAt(ws, i);
        if (entity) out.push(this.intern(entity.value));
      }
      if (info.stop) continue;
      out.push(info.term);
    }
  }
}
