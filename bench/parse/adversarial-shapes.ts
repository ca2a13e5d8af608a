/**
 * Briefing files of a chosen size in shapes that are valid but hard for a parser (issue 11, item 4):
 * one bullet wrapped over thousands of lines, a numbered list of tens of thousands of items, one
 * line of a megabyte, a table thousands of columns wide, ... each beside `plain`, ordinary prose of
 * the same size. A linear parser takes about as long on each as on `plain`.
 *
 * Used by the parse benchmark (bench/parse/) and by the parser's regression tests.
 */

/** The seed's frame: title, a summary, and every section but the one a shape fills. */
const HEAD = `# Title
LUMEN INSIGHT: JAPAN TAKES STAND ON USTARIFFS

# Summary
Japanese Prime Minister Shigeru Ishiba has adopted a firm stance in tariff negotiations with the U.S.

# News Comment
🗞️ 1. Incident Identification
Japanese Prime Minister Shigeru Ishiba signaled a tough stance in tariff negotiations with the U.S.

📈 5. Trend Prediction
•\tShort-term, the U.S. and Japan will use technical coordination to avoid confrontation.
`;

/** The key variables, for shapes that fill another section. */
const KEY_VARIABLES = '🧨 4. Key Variables\n•\tWill the U.S. reassess tariffs on Japanese automakers?\n';

const PROSE = [
  'Japanese negotiators signalled that further concessions on autos would need a matching move on chips.',
  'Officials in Tokyo said the talks would continue at working level before ministers meet again.',
  'Markets priced a longer stand-off, and the yen weakened against the dollar for a third day.',
  'Manufacturing groups welcomed the firmer tone but asked for relief on steel and aluminium duties.',
  'Analysts expect a phased compromise, with tariff quotas traded for investment pledges in the U.S.',
];

/** Lines cycling through `make(i)` until the text reaches `bytes` (UTF-8), never beyond. */
function fill(prefix: string, bytes: number, make: (i: number) => string, suffix = ''): string {
  const budget = bytes - Buffer.byteLength(prefix) - Buffer.byteLength(suffix);
  const parts: string[] = [];
  let used = 0;
  for (let i = 0; ; i++) {
    const part = make(i);
    const size = Buffer.byteLength(part);
    if (used + size > budget) break;
    parts.push(part);
    used += size;
  }
  return prefix + parts.join('') + suffix;
}

/** The frame, then the given lines (headings and text) on lines of their own. */
const section = (...lines: string[]) => `${HEAD}\n${lines.join('\n')}\n`;

export interface AdversarialShape {
  name: string;
  /** What the shape is, for the benchmark's table. */
  description: string;
  /** The file's text, at most `bytes` bytes of UTF-8. */
  make(bytes: number): string;
}

/** Ordinary prose: the baseline every other shape is compared with. */
export const PLAIN: AdversarialShape = {
  name: 'plain',
  description: 'plain prose paragraphs',
  make: (bytes) => fill(section(KEY_VARIABLES, '📐 Structural Summary'), bytes, (i) => `${PROSE[i % PROSE.length]}${i % 5 === 4 ? '\n\n' : '\n'}`),
};

export const ADVERSARIAL_SHAPES: readonly AdversarialShape[] = [
  {
    name: 'wrapped-bullet',
    description: 'one bullet wrapped over every line',
    make: (bytes) => fill(section('🧨 4. Key Variables', '•\tWill the U.S. reassess tariffs'), bytes, (i) => `and item ${i} stays open\n`),
  },
  {
    name: 'numbered-list',
    description: 'a numbered list of one item per line',
    make: (bytes) => fill(section('🧨 4. Key Variables'), bytes, (i) => `${i + 1}. Will it hold?\n`),
  },
  {
    name: 'bullet-list',
    description: 'a bulleted list of one item per line',
    make: (bytes) => fill(section('🧨 4. Key Variables'), bytes, (i) => `- Will point ${i} hold?\n`),
  },
  {
    name: 'long-line',
    description: 'the whole size on one line',
    make: (bytes) => fill(section(KEY_VARIABLES, '📐 Structural Summary'), bytes, (i) => `${PROSE[i % PROSE.length]} `, '\n'),
  },
  {
    name: 'wrapped-paragraph',
    description: 'one paragraph wrapped over every line',
    make: (bytes) => fill(section(KEY_VARIABLES, '📐 Structural Summary'), bytes, (i) => `word ${i} of the summary\n`),
  },
  {
    name: 'wrapped-motivation',
    description: 'one labelled motivation wrapped over every line',
    make: (bytes) => fill(`${section(KEY_VARIABLES, '🎯 2. Motivation Analysis')}Outward: Japan`, bytes, (i) => ` seeks ${i}\n`),
  },
  {
    name: 'motivation-labels',
    description: 'one `Label: text` motivation per line',
    make: (bytes) => fill(section(KEY_VARIABLES, '🎯 2. Motivation Analysis'), bytes, (i) => `Toward ${i}: Japan seeks leverage\n`),
  },
  {
    name: 'headings',
    description: 'a heading on every line (unknown and repeated)',
    make: (bytes) => fill(section(KEY_VARIABLES), bytes, (i) => (i % 2 ? `## Note ${i}\n` : '## Key Variables\n')),
  },
  {
    name: 'table-rows',
    description: 'a position table of one row per line',
    make: (bytes) => fill(section(KEY_VARIABLES, '📊 3. Structural Perspectives', '| Variables | U.S. | Japan |', '|---|---|---|'), bytes, (i) => `| Dimension ${i} | pressure | buffer |\n`),
  },
  {
    name: 'wide-table',
    description: 'a table header of half the size in columns, then short rows',
    make: (bytes) => {
      const header = fill('| Variables ', Math.floor(bytes / 2), (i) => `| A${i} `, '|\n');
      return fill(`${section(KEY_VARIABLES, '📊 3. Structural Perspectives')}${header}`, bytes, (i) => `| D${i} | x |\n`);
    },
  },
  {
    name: 'punctuation',
    description: 'lines of punctuation, spaces and colons',
    make: (bytes) => fill(section(KEY_VARIABLES, '🎯 2. Motivation Analysis'), bytes, (i) => `${'!'.repeat(40)} ${' '.repeat(i % 50)}: ${'*'.repeat(30)}\n`),
  },
  {
    name: 'blank-lines',
    description: 'blank lines, with a word every thousand',
    make: (bytes) => fill(section(KEY_VARIABLES), bytes, (i) => (i % 1000 === 999 ? 'word\n' : '\n')),
  },
  {
    name: 'invisible-characters',
    description: 'words laced with control and invisible characters',
    make: (bytes) => fill(section(KEY_VARIABLES, '📐 Structural Summary'), bytes, (i) => `tar\u00ADiff\u200B ${i}\u0007 \u200Eq\u001b[31m\n`),
  },
];

/** Every shape, plain first. */
export const ALL_SHAPES: readonly AdversarialShape[] = [PLAIN, ...ADVERSARIAL_SHAPES];
