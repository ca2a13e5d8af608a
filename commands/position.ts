/** /position: an actor's positions, one dimension across actors, one cell, or the whole table. */
import { SlashCommandBuilder } from 'discord.js';
import { findDimensions } from '../src/domain/find-dimension.js';
import { UserFacingError, type CommandModule } from '../src/discord/command-module.js';
import { withNote } from '../src/render/user-error.js';
import { renderPositions } from '../src/render/index.js';
import { briefingChoices, briefingOption, choiceName, chosenBriefing, requireBriefing } from './shared-options.js';
import { foldForMatch } from '../src/domain/fold-text.js';
import { DISCORD_MAX_CHOICES } from '../src/render/discord-limits.js';

export const data = new SlashCommandBuilder()
  .setName('position')
  .setDescription("Where each actor stands: one actor's positions, or the whole table")
  .addStringOption((o) => briefingOption(o))
  .addStringOption((o) => o.setName('actor').setDescription('An actor (us, china, eu …); leave empty for every actor').setAutocomplete(true).setMaxLength(100))
  .addStringOption((o) => o.setName('dimension').setDescription('Only this dimension').setAutocomplete(true).setMaxLength(100));

export const position: CommandModule = {
  data,
  usage: '/position briefing:<name> [actor:<name>] [dimension:<name>]',
  async execute(interaction, respond, ctx) {
    const { briefing, note } = requireBriefing(interaction, ctx);
    const typedActor = interaction.options.getString('actor')?.trim() || undefined;
    const typedDimension = interaction.options.getString('dimension')?.trim() || undefined;
    if (briefing.structure.dimensions.length === 0) throw new UserFacingError(`“${briefing.title}” has no position table.`);

    const actor = typedActor === undefined ? undefined : ctx.library.resolveActor(briefing, typedActor);
    if (typedActor !== undefined && actor === undefined) {
      throw new UserFacingError(`“${typedActor}” is not an actor in this briefing. Its actors are: ${briefing.structure.actors.join(', ')}.`);
    }
    let dimension: string | undefined;
    if (typedDimension !== undefined) {
      const found = findDimensions(briefing.structure.dimensions, typedDimension);
      if (found.length !== 1) {
        const names = briefing.structure.dimensions.map((d) => d.name).join(', ');
        throw new UserFacingError(`${found.length === 0 ? 'No' : 'More than one'} dimension matches “${typedDimension}”. The dimensions are: ${names}.`);
      }
      dimension = found[0]?.name;
    }
    await respond.sendAll(withNote(renderPositions(briefing, { actor, dimension }), note));
  },
  autocomplete(interaction, ctx) {
    const focused = interaction.options.getFocused(true);
    if (focused.name === 'briefing') return briefingChoices(interaction, ctx);
    const briefing = chosenBriefing(interaction, ctx);
    if (!briefing) return [];
    const typed = foldForMatch(String(focused.value));
    const names = focused.name === 'actor' ? briefing.structure.actors : briefing.structure.dimensions.map((d) => d.name);
    const resolved = focused.name === 'actor' && typed ? ctx.library.resolveActor(briefing, typed) : undefined;
    return names
      .filter((name) => !typed || foldForMatch(name).includes(typed) || name === resolved)
      .slice(0, DISCORD_MAX_CHOICES)
      .map((name) => ({ name: choiceName(name), value: name.slice(0, 100) }));
  },
};
