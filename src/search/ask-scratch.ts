/**
 * Scratch arrays for ask, kept per index between questions: typed arrays by document id rather
 * than maps, because a common word matches thousands of documents; each question leaves them
 * zeroed, so a question allocates none of them.
 */
import type { BriefingIndex } from './briefing-index.js';

/** Per-index scratch arrays of ask (ask-question.ts), by document id; always left zeroed. */
class AskScratch {
  contextByDoc = new Float64Array(0);
  /** Key-variable document -> 1 + its position among the candidates (0: not one). */
  slotOf = new Int32Array(0);
  #docs = new Int32Array(1024);
  #scores = new Float64Array(1024);

  /** Makes room for the index's current document ids. */
  fit(briefingIds: number, keyVariableIds: number): void {
    if (this.contextByDoc.length < briefingIds) this.contextByDoc = new Float64Array(Math.max(1024, briefingIds * 2));
    if (this.slotOf.length < keyVariableIds) this.slotOf = new Int32Array(Math.max(1024, keyVariableIds * 2));
  }

  /** The candidate arrays, with room for at least `size`. */
  candidates(size: number): { docs: Int32Array; scores: Float64Array; grow: () => void } {
    if (this.#docs.length < size) this.#resize(size * 2);
    const view = { docs: this.#docs, scores: this.#scores, grow: (): void => {
      this.#resize(this.#docs.length * 2);
      view.docs = this.#docs;
      view.scores = this.#scores;
    } };
    return view;
  }

  #resize(size: number): void {
    const docs = new Int32Array(size);
    const scores = new Float64Array(size);
    docs.set(this.#docs);
    scores.set(this.#scores);
    this.#docs = docs;
    this.#scores = scores;
  }
}

const scratches = new WeakMap<BriefingIndex, AskScratch>();

/** The scratch arrays of `index`, sized for its current document ids. */
export function scratchOf(index: BriefingIndex): AskScratch {
  let scratch = scratches.get(index);
  if (!scratch) scratches.set(index, (scratch = new AskScratch()));
  scratch.fit(index.briefings.idLimit, index.keyVariables.idLimit);
  return scratch;
}
