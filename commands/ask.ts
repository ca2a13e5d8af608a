/** /ask: the key variables a question is about, with the related trends and positions. */
import { SlashCommandBuilder } from 'discord.js';
import type { CommandModule } from '../src/discord/command-module.js';
import { renderAskResults } from '../src/render/index.js';
import { withNote } from '../src/render/user-error.js';
import { briefingChoices, briefingOption, requireArchiveNotEmpty, resolveBriefing } from './shared-options.js';

const MAX_ANSWERS = 3;

export const data = new SlashCommandBuilder()
  .setName('ask')
  .setDescription('Ask a follow-up question; get the key variables it is about')
  .addStringOption((o) => o.setName('question').setDescription('Your question, in your own words').setRequired(true).setMaxLength(300))
  .addStringOption((o) => briefingOption(o, false).setDescription('Only this briefing (default: the whole archive)'));

export const ask: CommandModule = {
  data,
  usage: '/ask question:<text> [briefing:<name>]',
  async execute(interaction, respond, ctx) {
    const question = interaction.options.getString('question', true);
    requireArchiveNotEmpty(ctx);
    const typed = interaction.options.getString('briefing')?.trim();
    // In the thread opened under a new-briefing post, questions are about that briefing.
    const named = typed ? resolveBriefing(typed, ctx) : undefined;
    const scope = named ? named.briefing.slug : ctx.delivery?.subscriptions.briefingOfThread(interaction.channelId);
    const results = ctx.library.ask(question, { briefing: scope, limit: MAX_ANSWERS });
    await respond.sendAll(withNote(renderAskResults(question, results, (slug) => ctx.library.get(slug)?.title ?? slug), named?.note));
  },
  autocomplete: briefingChoices,
};
