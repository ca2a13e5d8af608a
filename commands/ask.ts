/**
 * /ask, and the message command "Ask about this briefing" with its form: the key variables a
 * question is about. Where it is asked counts (src/discord/briefing-context.ts): in a briefing's
 * thread, after a briefing was shown in the channel, or on a message about a briefing, that
 * briefing is a prior for the ranking (not a filter: a question plainly about another briefing
 * still finds it). `briefing:` is a filter.
 */
import { ApplicationCommandType, ContextMenuCommandBuilder } from 'discord.js';
import { SlashCommandBuilder } from 'discord.js';
import { briefingsOfMessage } from '../src/discord/briefings-of-message.js';
import type { CommandContext, CommandModule } from '../src/discord/command-module.js';
import { MAX_REPLY_QUESTION } from '../src/discord/reply-router.js';
import { encodeCustomId, renderAskResults, type AskContextNote, type MessagePayload } from '../src/render/index.js';
import { withNote } from '../src/render/user-error.js';
import { PRIOR_WEIGHT, STRONG_PRIOR_WEIGHT } from '../src/search/ask-question.js';
import { briefingChoices, briefingOption, requireArchiveNotEmpty, resolveBriefing } from './shared-options.js';

/** The best answer and up to three others, one line each. */
const MAX_ANSWERS = 4;
const MAX_QUESTION = MAX_REPLY_QUESTION;
/** The form's text input: its custom_id inside the modal. */
const QUESTION_INPUT = 'question';
export const ASK_ABOUT_MESSAGE = 'Ask about this briefing';

export const data = new SlashCommandBuilder()
  .setName('ask')
  .setDescription('Ask a follow-up question; get the key variables it is about')
  .addStringOption((o) => o.setName('question').setDescription('Your question, in your own words').setRequired(true).setMaxLength(MAX_QUESTION))
  .addStringOption((o) => briefingOption(o, false).setDescription('Only this briefing (default: the whole archive)'));

/** Where the reader chose the briefing themselves (its thread, their own /brief, the message they asked on): a stronger prior than a channel's. */
const STRONG_PRIORS: ReadonlySet<AskContextNote> = new Set(['thread', 'user', 'message', 'reply']);

/** Answers `question` asked by `userId` in `channelId`, with `prior` briefings (or the channel's context) leaning the ranking. */
async function answer(
  question: string,
  where: { channelId: string; userId: string; only?: string; prior?: { slugs: string[]; note: AskContextNote } },
  ctx: CommandContext,
): Promise<{ payloads: MessagePayload[]; remember: () => Promise<void> }> {
  // The context only leans the ranking: a store that cannot be read costs the prior, not the answer.
  const channelPrior =
    where.only || where.prior
      ? undefined
      : await ctx.briefingContext?.priorFor(where.channelId, where.userId).catch((error: unknown) => {
          ctx.logger.warn({ err: error }, 'could not read the channel context; answering without it');
          return undefined;
        });
  const prior = where.prior ?? (channelPrior && { slugs: channelPrior.slugs, note: channelPrior.source });
  const priorWeight = prior && STRONG_PRIORS.has(prior.note) ? STRONG_PRIOR_WEIGHT : PRIOR_WEIGHT;
  const results = ctx.library.ask(question, { briefing: where.only, prior: prior?.slugs, priorWeight, limit: MAX_ANSWERS, relatedFor: 'best' });
  const best = results[0];
  const context = prior && best && prior.slugs.includes(best.slug) ? { note: prior.note, slug: best.slug } : undefined;
  const payloads = renderAskResults(question, results, (slug) => ctx.library.get(slug)?.title ?? slug, { context });
  // The answer's briefing is what the conversation is about now. Remembered after the reply is
  // sent (it writes the state file), so the reader never waits for it; a failure costs only the prior.
  const remember = async (): Promise<void> => {
    if (!best) return;
    await ctx.briefingContext?.shown(where.channelId, where.userId, best.slug).catch((error: unknown) => ctx.logger.warn({ err: error }, 'could not remember the briefing shown'));
  };
  return { payloads, remember };
}

export const ask: CommandModule = {
  data,
  usage: `/ask question:<text> [briefing:<name>] (or on a message: Apps → ${ASK_ABOUT_MESSAGE}, or reply to it with your question)`,
  async execute(interaction, respond, ctx) {
    const question = interaction.options.getString('question', true);
    requireArchiveNotEmpty(ctx);
    const typed = interaction.options.getString('briefing')?.trim();
    const named = typed ? resolveBriefing(typed, ctx) : undefined;
    const only = named?.briefing.slug;
    const { payloads, remember } = await answer(question, { channelId: interaction.channelId, userId: interaction.user.id, only }, ctx);
    await respond.sendAll(withNote(payloads, named?.note));
    await remember();
  },
  autocomplete: briefingChoices,
  messageCommand: {
    data: new ContextMenuCommandBuilder().setName(ASK_ABOUT_MESSAGE).setType(ApplicationCommandType.Message),
    async execute(interaction, respond) {
      const slugs = briefingsOfMessage(interaction.targetMessage);
      await respond.showModal({
        custom_id: encodeCustomId({ kind: 'ask', slugs }),
        title: 'Ask about this briefing',
        components: [
          {
            type: 1,
            components: [{ type: 4, custom_id: QUESTION_INPUT, label: 'Your question', style: 2, required: true, min_length: 3, max_length: MAX_QUESTION, placeholder: 'Will Japan retaliate against U.S. tariffs?' }],
          },
        ],
      });
    },
  },
  modals: {
    async ask(interaction, action, respond, ctx) {
      if (action.kind !== 'ask') return;
      requireArchiveNotEmpty(ctx);
      const question = interaction.fields.getTextInputValue(QUESTION_INPUT);
      const slugs = action.slugs.filter((slug) => ctx.library.get(slug));
      const prior = slugs.length > 0 ? { slugs, note: 'message' as const } : undefined;
      const { payloads, remember } = await answer(question, { channelId: interaction.channelId ?? '', userId: interaction.user.id, ...(prior ? { prior } : {}) }, ctx);
      await respond.sendAll(payloads);
      await remember();
    },
  },
  /**
   * A reply to one of the bot's messages: a readable question is answered about that message's
   * briefings (a strong prior, as for the message command); a reply without one, or unreadable,
   * still says which briefing the member is reading, for their next /ask in the channel.
   */
  async replies(reply, respond, ctx) {
    const slugs = reply.slugs.filter((slug) => ctx.library.get(slug));
    const [only] = slugs;
    if (!reply.question) {
      // A digest's several briefings name none in particular.
      if (only && slugs.length === 1) await ctx.briefingContext?.shown(reply.channelId, reply.userId, only);
      return;
    }
    const { payloads, remember } = await answer(reply.question, { channelId: reply.channelId, userId: reply.userId, ...(slugs.length > 0 ? { prior: { slugs, note: 'reply' as const } } : {}) }, ctx);
    await respond.sendAll(payloads);
    await remember();
  },
};
