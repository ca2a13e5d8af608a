/**
 * /brief: a briefing as a compact card, one section, or everything; and the buttons and select
 * under every card (they work after a restart: their state is in the custom_id).
 */
import { SlashCommandBuilder } from 'discord.js';
import { SECTION_CHOICES, SECTIONS, type SectionChoice } from '../src/domain/briefing-sections.js';
import type { CommandModule } from '../src/discord/command-module.js';
import { renderBriefingCard, renderBriefingView, renderKeyVariable } from '../src/render/index.js';
import { briefingChoices, briefingOption, findBriefing, requireBriefing, requireKeyVariable } from './shared-options.js';

export const data = new SlashCommandBuilder()
  .setName('brief')
  .setDescription('Read a briefing: a compact card, one section, or the whole thing')
  .addStringOption((o) => briefingOption(o))
  .addStringOption((o) =>
    o
      .setName('section')
      .setDescription('Which part (default: a compact card)')
      .addChoices(...SECTION_CHOICES.map((s) => ({ name: SECTIONS[s].heading, value: s })), { name: 'Full briefing', value: 'full' }),
  );

export const brief: CommandModule = {
  data,
  usage: '/brief briefing:<name> [section:<summary|incident|motivations|structure|variables|trends|structural|full>]',
  async execute(interaction, respond, ctx) {
    const briefing = requireBriefing(interaction, ctx);
    const section = interaction.options.getString('section') as SectionChoice | 'full' | null;
    await respond.sendAll(section ? renderBriefingView(briefing, section) : [renderBriefingCard(briefing)]);
  },
  autocomplete: briefingChoices,
  components: {
    // Answers to buttons are shown only to whoever pressed them, so a shared card does not flood the channel.
    async view(_interaction, action, respond, ctx) {
      if (action.kind !== 'view') return;
      await respond.sendAll(renderBriefingView(findBriefing(action.slug, ctx), action.view), { ephemeral: true });
    },
    async open(_interaction, action, respond, ctx) {
      if (action.kind !== 'open') return;
      await respond.send(renderBriefingCard(findBriefing(action.slug, ctx)), { ephemeral: true });
    },
    async variable(interaction, action, respond, ctx) {
      if (action.kind !== 'variable') return;
      const briefing = findBriefing(action.slug, ctx);
      const picked = action.n ?? (interaction.isStringSelectMenu() ? Number(interaction.values[0]) : Number.NaN);
      const n = requireKeyVariable(briefing, picked);
      await respond.sendAll(renderKeyVariable(briefing, n, ctx.library.related(briefing, n)), { ephemeral: true });
    },
  },
};
