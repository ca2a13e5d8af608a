/** /trend: a briefing's trend predictions, or one of them. */
import { SlashCommandBuilder } from 'discord.js';
import type { CommandModule } from '../src/discord/command-module.js';
import { withNote } from '../src/render/user-error.js';
import { renderTrends } from '../src/render/index.js';
import { briefingChoices, briefingOption, chosenBriefing, numberedChoices, requireBriefing, requireNumbered } from './shared-options.js';

export const data = new SlashCommandBuilder()
  .setName('trend')
  .setDescription("A briefing's trend predictions, or one of them")
  .addStringOption((o) => briefingOption(o))
  .addIntegerOption((o) => o.setName('number').setDescription('Which trend (type to see them)').setMinValue(1).setAutocomplete(true));

export const trend: CommandModule = {
  data,
  usage: '/trend briefing:<name> [number:<n>]',
  async execute(interaction, respond, ctx) {
    const { briefing, note } = requireBriefing(interaction, ctx);
    const n = interaction.options.getInteger('number') ?? undefined;
    if (n !== undefined) requireNumbered(briefing, briefing.trends, n, 'trends');
    await respond.sendAll(withNote(renderTrends(briefing, n), note));
  },
  autocomplete(interaction, ctx) {
    const focused = interaction.options.getFocused(true);
    if (focused.name !== 'number') return briefingChoices(interaction, ctx);
    return numberedChoices(chosenBriefing(interaction, ctx)?.trends ?? [], String(focused.value));
  },
};
