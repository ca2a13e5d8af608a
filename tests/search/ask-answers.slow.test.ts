import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BriefingIndex } from '../../src/search/briefing-index.js';
import { ASK_ANSWERS_FILE, recordAnswers, recordArchive, type RecordedAnswer } from './ask-answers.js';

describe('ask answers, against the record made before the latency work (issue 15)', () => {
  it('given the eval questions over the samples and 2,500 generated briefings, in every case, then ask answers exactly as recorded', () => {
    const recorded = (JSON.parse(readFileSync(ASK_ANSWERS_FILE, 'utf8')) as { answers: RecordedAnswer[] }).answers;
    const briefings = recordArchive();
    const answers = recordAnswers(BriefingIndex.from(briefings), briefings);
    expect(answers.length).toBe(recorded.length);
    // Compared as a whole, so a failure lists every answer that changed.
    expect(answers.filter((a, i) => a.digest !== recorded[i]?.digest)).toEqual([]);
    expect(answers).toEqual(recorded);
  });
});
