import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/domain/parse-briefing.js';
import { renderFullBriefing } from '../../src/render/briefing-message.js';
import { Rng } from './briefing-generator.js';
import { discordLimitViolations } from './limits-checker.js';
import { renderEverything } from './render-everything.js';
import { SAMPLES_DIR } from '../support/seed.js';

const files = readdirSync(SAMPLES_DIR).filter((f) => f.endsWith('.md') && f !== 'README.md');

describe.each(files)('given the sample %s', (file) => {
  const result = parseBriefing(readFileSync(`${SAMPLES_DIR}${file}`, 'utf8'), { fileName: file, now: new Date('2026-01-01T00:00:00Z') });
  if (!result.ok) throw new Error(`${file} must parse`);
  const briefing = result.value;

  it('then every renderer stays within every Discord limit', () => {
    for (const { label, payload } of renderEverything(briefing, new Rng(1))) expect(discordLimitViolations(payload), label).toEqual([]);
  });

  it('then the full briefing fits one message', () => {
    expect(renderFullBriefing(briefing)).toHaveLength(1);
  });
});
