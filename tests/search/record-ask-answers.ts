/**
 * Writes tests/search/fixtures/ask-answers.json: what ask answers today (see ask-answers.ts), or
 * what the checkout given as argument answers, so a record can be made with the code before a
 * change: `git archive <commit> | tar -x -C /tmp/old && ln -s $PWD/node_modules /tmp/old/` then
 * `node --import tsx tests/search/record-ask-answers.ts /tmp/old "commit <commit>"` (the second argument names it in the file).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Briefing } from '../../src/domain/briefing.schema.js';
import { ASK_ANSWERS_FILE, recordAnswers, recordArchive, type AskingIndex } from './ask-answers.js';

const checkout = resolve(process.argv[2] ?? fileURLToPath(new URL('../../', import.meta.url)));
const made = process.argv[3] ?? checkout;
const { BriefingIndex } = (await import(pathToFileURL(`${checkout}/src/search/briefing-index.ts`).href)) as { BriefingIndex: { from(b: Iterable<Briefing>): AskingIndex } };
const briefings = recordArchive();
const answers = recordAnswers(BriefingIndex.from(briefings), briefings);
// One answer a line: a change to the record reads as a diff of the answers that changed.
const lines = answers.map((a) => `  ${JSON.stringify(a)}`).join(',\n');
writeFileSync(ASK_ANSWERS_FILE, `{"$comment": ${JSON.stringify(`ask answers of ${made}; see tests/search/ask-answers.ts`)},\n "answers": [\n${lines}\n]}\n`);
console.log(`wrote ${answers.length} answers to ${fileURLToPath(ASK_ANSWERS_FILE)}`);
