import { describe, expect, it } from 'vitest';
import { parseBriefing, type ParseBriefingResult } from '../../src/domain/parse-briefing.js';
import type { Briefing } from '../../src/domain/briefing.schema.js';
import { SEED_TEXT } from '../support/seed.js';

const NOW = new Date('2026-11-25T09:00:00.000Z');

function parsed(text: string, fileName = 'sample.md'): Briefing {
  const result: ParseBriefingResult = parseBriefing(text, { fileName, now: NOW });
  if (!result.ok) throw new Error(`expected a briefing, got ${JSON.stringify(result.issues)}`);
  return result.value;
}

const MARKDOWN_HEADINGS = `---
slug: turkiye-grain-corridor
date: 2026-10-02
tags: [grain, black-sea]
---
# LUMEN INSIGHT: TÜRKIYE BROKERS A NEW GRAIN CORRIDOR

## Summary
Ankara has offered to escort grain ships
across the Black Sea.

## Incident Identification
President Recep Tayyip Erdoğan announced naval escorts on Monday.

## Motivation
- **Outward:** Türkiye wants to be the indispensable broker between Russia and Ukraine.
- **Inward:** Food prices matter before local elections.

## Structural Perspectives
Variables | Türkiye Position | Russia Position | Ukraine Position
:--- | :---: | ---:
Naval Escorts | Offers them | Rejects them | Welcomes them
Insurance | Backs a state pool | Silent
Sanctions | Wants carve-outs | Demands reconnection of its agricultural bank | Opposes any relief

## Key Variable
1. Will Moscow tolerate Turkish escorts
   inside its declared zone?
2. Will insurers return to Odesa?

## Trend Predictions
* Ankara will host a second round of talks.
* Grain prices will ease.

## Structural Summary
Türkiye is converting geography into leverage.
`;

describe('given a briefing with front matter, ## headings, dash bullets, bold labels and a three-actor table', () => {
  const b = parsed(MARKDOWN_HEADINGS, 'whatever-name.md');

  it('then slug, date and tags come from the front matter', () => {
    expect(b.slug).toBe('turkiye-grain-corridor');
    expect(b.publishedAt).toBe('2026-10-02T00:00:00.000Z');
    expect(b.tags).toEqual(['grain', 'black-sea']);
  });

  it('then the title is the first "# " heading and Unicode names survive', () => {
    expect(b.title).toBe('LUMEN INSIGHT: TÜRKIYE BROKERS A NEW GRAIN CORRIDOR');
    expect(b.incident).toContain('Erdoğan');
  });

  it('then wrapped summary lines and wrapped list items are joined', () => {
    expect(b.summary).toBe('Ankara has offered to escort grain ships across the Black Sea.');
    expect(b.keyVariables[0]).toEqual({ n: 1, text: 'Will Moscow tolerate Turkish escorts inside its declared zone?' });
  });

  it('then bold labels lose their markers', () => {
    expect(b.motivations).toEqual([
      { label: 'Outward', text: 'Türkiye wants to be the indispensable broker between Russia and Ukraine.' },
      { label: 'Inward', text: 'Food prices matter before local elections.' },
    ]);
  });

  it('then a table without outer pipes and with alignment colons gives three actors', () => {
    expect(b.structure.actors).toEqual(['Türkiye', 'Russia', 'Ukraine']);
    expect(b.structure.dimensions[0]?.positions).toEqual({ Türkiye: 'Offers them', Russia: 'Rejects them', Ukraine: 'Welcomes them' });
  });

  it('then a ragged row becomes a warning naming the line and the missing actor, not a crash', () => {
    expect(b.structure.dimensions[1]?.positions).toEqual({ Türkiye: 'Backs a state pool', Russia: 'Silent' });
    expect(b.warnings).toContainEqual({ line: 23, code: 'table.missing-cell', message: 'row "Insurance" has no position for Ukraine' });
  });

  it('then section name variants are recognised (Motivation, Key Variable, Trend Predictions) with * bullets', () => {
    expect(b.trends.map((t) => t.text)).toEqual(['Ankara will host a second round of talks.', 'Grain prices will ease.']);
    expect(b.structuralSummary).toBe('Türkiye is converting geography into leverage.');
  });
});

describe('given the seed with CRLF line endings', () => {
  it('then it parses exactly like the LF original', () => {
    const crlf = parsed(SEED_TEXT.replace(/\n/g, '\r\n'), 'japan-tariffs.md');
    expect(crlf).toEqual(parsed(SEED_TEXT, 'japan-tariffs.md'));
  });
});

describe('given sections as plain numbered lines without emoji', () => {
  const text = `# Title
LUMEN INSIGHT: SAHEL JUNTAS LEAVE ECOWAS

# Summary
Three juntas have left the bloc.

1. Incident Identification
Niger, Mali and Burkina Faso confirmed their exit.

2) Motivation Analysis
Outward: They court new security partners.
Inward: Sovereignty plays well at home,
and distracts from the economy.

3. Structural Perspectives
| Variables | Niger Position | ECOWAS Position |
|---|---|---|
| Trade | Seeks bilateral deals | Threatens tariffs |

4. Key Variables
Will ECOWAS impose tariffs?
Will France return?

5. Trend Prediction
The Alliance of Sahel States will issue its own passport.

Structural Summary
Regional integration is fragmenting.
`;
  const b = parsed(text, 'sahel.md');

  it('then every section is found and labels start motivations even when a label wraps', () => {
    expect(b.incident).toBe('Niger, Mali and Burkina Faso confirmed their exit.');
    expect(b.motivations).toEqual([
      { label: 'Outward', text: 'They court new security partners.' },
      { label: 'Inward', text: 'Sovereignty plays well at home, and distracts from the economy.' },
    ]);
    expect(b.structure.actors).toEqual(['Niger', 'ECOWAS']);
  });

  it('then a list without bullets is read one item per line', () => {
    expect(b.keyVariables.map((v) => v.text)).toEqual(['Will ECOWAS impose tariffs?', 'Will France return?']);
    expect(b.trends).toHaveLength(1);
    expect(b.structuralSummary).toBe('Regional integration is fragmenting.');
    expect(b.sectionEmoji).toEqual({});
  });
});

describe('given other emoji and an unknown extra section', () => {
  const text = SEED_TEXT.replace('🧨 4. Key Variables', '❓ Key Variables').replace('📐 Structural Summary', '## Sources\nReuters, NHK\n\n🔭 Structural Summary');
  const b = parsed(text, 'japan-tariffs.md');

  it('then the new emoji is kept for its section', () => {
    expect(b.sectionEmoji.keyVariables).toBe('❓');
    expect(b.sectionEmoji.structuralSummary).toBe('🔭');
    expect(b.keyVariables).toHaveLength(4);
  });

  it('then the unknown section is ignored with a warning naming it', () => {
    expect(b.warnings.map((w) => w.code)).toContain('section.unknown');
    expect(b.structuralSummary).not.toContain('Reuters');
  });
});

describe('given a file without front matter slug or a file name', () => {
  it('then the slug is an editor\'s short slug of the title: no brand, stop words or verb, glued words split', () => {
    const result = parseBriefing(SEED_TEXT, { now: NOW });
    expect(result.ok && result.value.slug).toBe('japan-us-tariffs');
  });

  it('then a file name with spaces and capitals becomes a clean slug', () => {
    expect(parsed(SEED_TEXT, 'inbox/Japan Tariffs (v2).md').slug).toBe('japan-tariffs-v2');
  });
});

describe('given a title given inline and an inline summary', () => {
  it('then "**Summary:** text" starts the summary on the same line', () => {
    const b = parsed(`# LUMEN INSIGHT: ARCTIC SHIPPING\n\n**Summary:** Ice is thinning fast.\n\n## Key Variables\n- Will Russia charge tolls?\n`);
    expect(b.summary).toBe('Ice is thinning fast.');
    expect(b.keyVariables).toEqual([{ n: 1, text: 'Will Russia charge tolls?' }]);
    expect(b.warnings.map((w) => w.code)).toContain('briefing.missing-incident');
  });
});
