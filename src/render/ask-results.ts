/**
 * `/ask` (and the "Ask about this briefing" form): one short message. The best key variable
 * first, with the one or two sentences of its briefing that bear most on the question (quoted,
 * with their section) and the trends and positions that concern it; then the other candidates,
 * one line each, with a button to open each. Every piece is cut so the whole stays far within
 * Discord's limits even for the largest briefing.
 */
import type { NumberedItem } from '../domain/briefing.schema.js';
import { actionButton, buttonRows, STYLE } from './components.js';
import type { RelatedMaterial } from './key-variable-messages.js';
import { BRAND_COLOR, type ApiButton, type ApiEmbedField, type MessagePayload } from './message-payload.js';
import { escapeMarkdown, inlineMarkdown, oneLine, plainText } from './safe-text.js';
import { truncateLabel, truncateText } from './truncate-text.js';
import { layoutBlocks } from './embed-layout.js';

/** One key variable a question is about, as the search layer's `askQuestion` returns it. */
export interface AskResultView {
  slug: string;
  keyVariable: NumberedItem;
  score: number;
  related: RelatedMaterial;
  /** Sentences of the briefing that bear on the question, with their section (the first result's). */
  passages?: readonly { section: string; text: string }[];
}

/** Why the answer leaned on a briefing: shown in one line, so a reader knows what "this" meant. */
export type AskContextNote = 'thread' | 'user' | 'channel' | 'posted' | 'message' | 'reply';

/** Lengths of each piece (characters); with them an answer stays under ~2,500 of Discord's 6,000. */
const CUT = { question: 200, keyVariable: 300, passage: 280, trend: 260, position: 200, other: 130, title: 80, otherLine: 240 } as const;
const MAX_TRENDS = 2;
const MAX_POSITIONS = 2;
const MAX_OTHERS = 4;

const CONTEXT_NOTES: Record<AskContextNote, string> = {
  thread: 'Asked in this briefing’s thread',
  user: 'Asked after you opened this briefing',
  channel: 'Asked after this briefing was shown here',
  posted: 'Asked after this briefing was posted here',
  message: 'Asked about this message’s briefing',
  reply: 'Asked in reply to this briefing',
};

/** The answer as one message; with no result, one message with suggestions. `titleOf` names a briefing by slug. */
export function renderAskResults(
  question: string,
  results: readonly AskResultView[],
  titleOf: (slug: string) => string,
  options: { context?: { note: AskContextNote; slug: string } } = {},
): MessagePayload[] {
  const quoted = `“${truncateText(escapeMarkdown(oneLine(question)), CUT.question)}”`;
  const [best, ...others] = results;
  if (!best) {
    const text = [
      `No key variable in the archive matches ${quoted}.`,
      '• Name an actor, a country or a subject: “Will Japan retaliate against U.S. tariffs?”.',
      '• Ask within one briefing with `briefing:<slug>`, or drop it to ask the whole archive.',
      '• `/search` finds briefings by any word they contain.',
    ].join('\n');
    return layoutBlocks([{ kind: 'prose', title: '❓ No matching key variable', text }]);
  }
  const name = (slug: string): string => truncateText(titleOf(slug) || slug, CUT.title);
  const lines = [`🧨 **Key variable ${best.keyVariable.n}:** ${inlineMarkdown(truncateText(best.keyVariable.text, CUT.keyVariable))}`];
  for (const p of best.passages ?? []) lines.push(`> “${inlineMarkdown(truncateText(oneLine(p.text), CUT.passage))}” (*${inlineMarkdown(truncateText(p.section, 80))}*)`);
  for (const t of best.related.trends.slice(0, MAX_TRENDS)) lines.push(`📈 **Trend ${t.n}:** ${inlineMarkdown(truncateText(t.text, CUT.trend))}`);
  for (const p of best.related.positions.slice(0, MAX_POSITIONS)) {
    lines.push(`📊 **${inlineMarkdown(truncateText(p.actor, 60))}** on *${inlineMarkdown(truncateText(p.dimension, 80))}*: ${inlineMarkdown(truncateText(p.text, CUT.position))}`);
  }
  const shown = others.slice(0, MAX_OTHERS);
  const fields: ApiEmbedField[] = shown.length
    ? [
        {
          name: 'Other candidates',
          value: shown
            // Cut after escaping (escapes lengthen a line): four lines stay within a field's 1,024.
            .map((r, i) => truncateText(`${i + 2}. ${inlineMarkdown(name(r.slug))}, key variable ${r.keyVariable.n}: ${inlineMarkdown(truncateText(r.keyVariable.text, CUT.other))}`, CUT.otherLine))
            .join('\n'),
        },
      ]
    : [];
  const context = options.context && options.context.slug === best.slug ? `${CONTEXT_NOTES[options.context.note]}.` : undefined;
  const buttons: ApiButton[] = [
    actionButton(`Key variable ${best.keyVariable.n} in full`, { kind: 'variable', slug: best.slug, n: best.keyVariable.n }, STYLE.primary),
    actionButton('Open briefing', { kind: 'open', slug: best.slug }),
    // By slug, not title: short, and distinct where two briefings share a title.
    ...shown.map((r, i) => actionButton(truncateLabel(`${i + 2}. ${r.slug}, key variable ${r.keyVariable.n}`, 80), { kind: 'variable', slug: r.slug, n: r.keyVariable.n })),
  ];
  const payload: MessagePayload = {
    embeds: [
      {
        title: `❓ ${quoted}`,
        author: { name: truncateText(plainText(titleOf(best.slug) || best.slug), 256) },
        description: truncateText(lines.join('\n'), 3500),
        ...(fields.length ? { fields } : {}),
        ...(context ? { footer: { text: context } } : {}),
        color: BRAND_COLOR,
      },
    ],
    components: buttonRows(buttons, 2),
  };
  return [payload];
}
