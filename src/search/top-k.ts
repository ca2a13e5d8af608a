/**
 * The `k` best of `n` candidates without sorting all of them: a common query word can match
 * thousands of documents, of which a reader sees ten.
 */

/**
 * Indices `0..n-1` of the `k` highest `score(i)`, best first; ties keep the lower `tiebreak(i)`
 * first (then the lower index), so results never depend on hash or insertion order.
 */
export function topK(n: number, k: number, score: (i: number) => number, tiebreak: (i: number) => number = (i) => i): number[] {
  if (k <= 0) return [];
  const best: number[] = [];
  const bestScores: number[] = [];
  const better = (i: number, s: number, j: number, t: number): boolean => s > t || (s === t && tiebreak(i) < tiebreak(j));
  for (let i = 0; i < n; i++) {
    const s = score(i);
    if (best.length === k && !better(i, s, best[k - 1] as number, bestScores[k - 1] as number)) continue;
    let at = best.length;
    while (at > 0 && better(i, s, best[at - 1] as number, bestScores[at - 1] as number)) at--;
    best.splice(at, 0, i);
    bestScores.splice(at, 0, s);
    if (best.length > k) {
      best.pop();
      bestScores.pop();
    }
  }
  return best;
}

/** The largest value (0 for none): a loop, since spreading 40,000 scores into Math.max can overflow the stack. */
export function maxOf(values: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) if ((values[i] as number) > max) max = values[i] as number;
  return max;
}

/**
 * {@link topK} over parallel arrays, with the id as the tiebreak: the same indices, without a
 * call per candidate (ask ranks tens of thousands of key variables per question).
 */
export function topKOf(scores: ArrayLike<number>, ids: ArrayLike<number>, n: number, k: number): number[] {
  if (k <= 0) return [];
  const best: number[] = [];
  const bestScores: number[] = [];
  const bestIds: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = scores[i] as number;
    const id = ids[i] as number;
    let at = best.length;
    if (at === k) {
      const worst = bestScores[k - 1] as number;
      if (s < worst || (s === worst && id >= (bestIds[k - 1] as number))) continue;
    }
    while (at > 0 && ((bestScores[at - 1] as number) < s || ((bestScores[at - 1] as number) === s && id < (bestIds[at - 1] as number)))) at--;
    best.splice(at, 0, i);
    bestScores.splice(at, 0, s);
    bestIds.splice(at, 0, id);
    if (best.length > k) {
      best.pop();
      bestScores.pop();
      bestIds.pop();
    }
  }
  return best;
}
