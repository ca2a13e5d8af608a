/**
 * Loads the sample archive through the real parser, the way `lumen import data/samples` would.
 * Files without a date get a fixed import time so that results never depend on the day of the run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Briefing } from '../../src/domain/briefing.schema.js';
import { parseBriefing } from '../../src/domain/parse-briefing.js';

/** The repository's sample briefings directory. */
export const SAMPLES_DIR = fileURLToPath(new URL('../../data/samples/', import.meta.url));

/** The fixed import time used for files that carry no date. */
export const SAMPLE_IMPORT_TIME = new Date('2026-11-24T00:00:00.000Z');

/** Every briefing in `dir` (README.md skipped); throws if a sample does not parse. */
export function loadSampleBriefings(dir = SAMPLES_DIR): Briefing[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md')
    .sort()
    .map((fileName) => {
      const result = parseBriefing(readFileSync(join(dir, fileName), 'utf8'), { fileName, now: SAMPLE_IMPORT_TIME });
      if (!result.ok) throw new Error(`${fileName}: ${result.issues.map((i) => `${i.line}: ${i.message}`).join('; ')}`);
      return result.value;
    });
}
