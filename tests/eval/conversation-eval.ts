/**
 * The conversation case of `npm run eval`, through the local Discord: for each question, a reader
 * runs `/brief briefing:<the briefing it is about>` in a channel, then `/ask question:<it>` there,
 * and the answer's first key variable is read off its first button. This is the whole path (the
 * router remembering the briefing shown, the state store, the prior in the ranking, the render).
 */
import { silentLogger } from '../../src/log.js';
import { startSandbox } from '../support/sandbox-harness.js';
import type { AskQuestion } from './eval-sets.js';

/** Top-1 of the conversation case over `questions`, overall and on the held-out split. */
export interface ConversationScore {
  n: number;
  top1: number;
  heldout: { n: number; top1: number };
}

/** The first key variable of an /ask answer, `slug#n`. */
function bestOf(messageButtons: { custom_id?: string }[]): string {
  return /^lb1\|var\|([a-z0-9-]+)\|(\d+)$/.exec(messageButtons[0]?.custom_id ?? '')?.slice(1).join('#') ?? '';
}

/** Runs every question as a /brief then a follow-up, in one sandbox with the samples. */
export async function scoreConversations(sets: Record<string, readonly AskQuestion[]>): Promise<Record<string, ConversationScore>> {
  const sandbox = await startSandbox({ logger: silentLogger() });
  try {
    const out: Record<string, ConversationScore> = {};
    for (const [name, questions] of Object.entries(sets)) {
      const rows: { heldout: boolean; hit: boolean }[] = [];
      for (const q of questions) {
        const gold = q.expected[0]?.slug ?? '';
        await sandbox.discord.interact.slashCommand({ name: 'brief', options: { briefing: gold } }).response();
        await sandbox.app.whenIdle();
        const ask = sandbox.discord.interact.slashCommand({ name: 'ask', options: { question: q.question.slice(0, 300) } });
        const [answer] = await ask.waitForMessages(1);
        await sandbox.app.whenIdle();
        const buttons = ((answer?.components ?? []) as { components?: { custom_id?: string }[] }[]).flatMap((row) => row.components ?? []);
        const got = bestOf(buttons);
        rows.push({ heldout: q.split === 'heldout', hit: q.expected.some((e) => `${e.slug}#${e.n}` === got) });
      }
      const held = rows.filter((r) => r.heldout);
      const rate = (part: typeof rows): number => (part.length === 0 ? 0 : part.filter((r) => r.hit).length / part.length);
      out[name] = { n: rows.length, top1: rate(rows), heldout: { n: held.length, top1: rate(held) } };
    }
    return out;
  } finally {
    await sandbox.stop();
  }
}
