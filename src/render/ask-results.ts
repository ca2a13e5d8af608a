/**
 * `/ask`: the key variables a question is about, each with the trends and positions that bear
 * on it, and a button to open each briefing they come from.
 */
import type { NumberedItem } from '../domain/briefing.schema.js';
import { actionButton, buttonRows, STYLE, withComponentsOnLast } from './components.js';
import { layoutBlocks } from './embed-layout.js';
import type { RelatedMaterial } from './key-variable-messages.js';
import type { ApiEmbedField, MessagePayload } from './message-payload.js';
import { escapeMarkdown, inlineMarkdown, oneLine } from './safe-text.js';
import { truncateLabel, truncateText } from './truncate-text.js';

/** One key variable a question is about, as the search layer's `askQuestion` returns it. */
export interface AskResultView {
  slug: string;
  keyVariable: NumberedItem;
  score: number;
  related: RelatedMaterial;
}

const OPEN_BUTTONS = 5;

/** The answers as messages; with none, one message with suggestions. `titleOf` names a briefing by slug. */
export function renderAskResults(question: string, results: readonly AskResultView[], titleOf: (slug: string) => string): MessagePayload[] {
  const quoted = `“${truncateText(escapeMarkdown(oneLine(question)), 200)}”`;
  if (results.length === 0) {
    const text = [
      `No key variable in the archive matches ${quoted}.`,
      '• Name an actor, a country or a subject: “Will Japan retaliate against U.S. tariffs?”.',
      '• Ask within one briefing with `briefing:<slug>`, or drop it to ask the whole archive.',
      '• `/search` finds briefings by any word they contain.',
    ].join('\n');
    return layoutBlocks([{ kind: 'prose', title: '❓ No matching key variable', text }]);
  }
  const fields: ApiEmbedField[] = results.map((r, i) => ({
    name: `${i + 1}. ${inlineMarkdown(titleOf(r.slug) || r.slug)}: key variable ${r.keyVariable.n}`,
    value: answerText(r),
  }));
  const messages = layoutBlocks([{ kind: 'fields', title: `❓ ${quoted}`, intro: 'The key variables this question is about:', fields }]);
  const seen = new Set<string>();
  const buttons = results.flatMap((r) => {
    if (seen.has(r.slug) || seen.size === OPEN_BUTTONS) return [];
    seen.add(r.slug);
    return [actionButton(`Open ${truncateLabel(titleOf(r.slug) || r.slug, 40)}`, { kind: 'open', slug: r.slug }, STYLE.primary)];
  });
  return withComponentsOnLast(messages, buttonRows(buttons, 1));
}

function answerText(result: AskResultView): string {
  const lines = [`🧨 ${inlineMarkdown(result.keyVariable.text)}`];
  for (const t of result.related.trends) lines.push(`📈 **Trend ${t.n}:** ${inlineMarkdown(t.text)}`);
  for (const p of result.related.positions) {
    lines.push(`📊 **${inlineMarkdown(p.actor)}** on *${inlineMarkdown(p.dimension)}*: ${inlineMarkdown(p.text)}`);
  }
  return lines.join('\n');
}
