/** /variable: a briefing's key variables, or one with the trends and positions that bear on it. */
import { SlashCommandBuilder } from 'discord.js';
import type { CommandModule } from '../src/discord/command-module.js';
import { withNote } from '../src/render/user-error.js';
import { renderKeyVariable, renderKeyVariables } from '../src/render/index.js';
import { briefingChoices, briefingOption, chosenBriefing, numberedChoices, requireBriefing, requireKeyVariable } from './shared-options.js';

export const data = new SlashCommandBuilder()
  .setName('variable')
  .setDescription("A briefing's key variables (open questions), or one of them in depth")
  .addStringOption((o) => briefingOption(o))
  .addIntegerOption((o) => o.setName('number').setDescription('Which key variable (type to see them)').setMinValue(1).setAutocomplete(true));

export const variable: CommandModule = {
  data,
  usage: '/variable briefing:<name> [number:<n>]',
  async execute(interaction, respond, ctx) {
    const { briefing, note } = requireBriefing(interaction, ctx);
    const number = interaction.options.getInteger('number');
    if (number === null) return respond.sendAll(withNote(renderKeyVariables(briefing), note));
    const n = requireKeyVariable(briefing, number);
    await respond.sendAll(withNote(renderKeyVariable(briefing, n, ctx.library.related(briefing, n)), note));
  },
  autocomplete(interaction, ctx) {
    const focused = interaction.options.getFocused(true);
    if (focused.name !== 'number') return briefingChoices(interaction, ctx);
    return numberedChoices(chosenBriefing(interaction, ctx)?.keyVariables ?? [], String(focused.value));
  },
};
