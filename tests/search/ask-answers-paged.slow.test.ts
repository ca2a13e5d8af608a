/**
 * Every recorded ask answer (tests/search/ask-answers.slow.test.ts) again, from the index as a
 * one-shot `lumen ask` has it (issue 13): restored from a snapshot read by pages, with the typo
 * index left for first use. Loading differently must never answer differently.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BriefingIndex } from '../../src/search/briefing-index.js';
import { defaultLexicon } from '../../src/search/default-lexicon.js';
import { decodeSnapshotFrom, encodeSnapshot, encodingFingerprint, rangesOf } from '../../src/search/index-snapshot.js';
import { PagedInt32 } from '../../src/search/snapshot-pages.js';
import { ASK_ANSWERS_FILE, recordAnswers, recordArchive, type RecordedAnswer } from './ask-answers.js';

describe('ask answers from a snapshot read by pages, against the record', () => {
  it('given the eval questions over the samples and 2,500 generated briefings, then the paged, lazy index answers exactly as recorded', () => {
    const recorded = (JSON.parse(readFileSync(ASK_ANSWERS_FILE, 'utf8')) as { answers: RecordedAnswer[] }).answers;
    const briefings = recordArchive();
    const state = BriefingIndex.from(briefings).exportState();
    const key = encodingFingerprint(defaultLexicon());
    const bytes = encodeSnapshot({ state, stamps: state.slugs.map((slug) => (slug === null ? null : 'v1')) }, key);
    const decoded = decodeSnapshotFrom(rangesOf(bytes), key, { checkBodies: 'on-read' })!;
    expect(decoded.state.briefings.postingEntries).toBeInstanceOf(PagedInt32);
    const index = BriefingIndex.restore(decoded.state, briefings, () => true, { lazy: true })!.index;
    const answers = recordAnswers(index, briefings);
    expect(answers.length).toBe(recorded.length);
    expect(answers.filter((a, i) => a.digest !== recorded[i]?.digest)).toEqual([]);
    expect(answers).toEqual(recorded);
  });
});
