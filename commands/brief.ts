/**
 * /brief: a briefing as a compact card, one section, or everything; and the buttons and select
 * under every card (they work after a restart: their state is in the custom_id).
 */
import { SlashCommandBuilder } from 'discord.js';
import type { Briefing } from '../src/domain/briefing.schema.js';
import { SECTION_CHOICES, SECTIONS, type SectionChoice } from '../src/domain/briefing-sections.js';
import type { CommandModule } from '../src/discord/command-module.js';
import { withNote } from '../src/render/user-error.js';
import { renderBriefingCard, renderBriefingView, renderKeyVariable, type BriefingView, type MessagePayload } from '../src/render/index.js';
import { BRAND_COLOR } from '../src/render/message-payload.js';
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

/**
 * At most this many messages per answer. Discord lets an interaction post about five follow-ups
 * every two seconds, so a briefing long enough to need 100 messages would take most of a minute
 * and bury the channel; past the cap the reader is pointed to one section at a time instead.
 */
export const MAX_MESSAGES_PER_ANSWER = 10;

/** A view of a briefing, cut to the message budget with a closing note when it is longer. */
export function briefingViewWithinBudget(briefing: Briefing, view: BriefingView): MessagePayload[] {
  const messages = renderBriefingView(briefing, view);
  if (messages.length <= MAX_MESSAGES_PER_ANSWER) return messages;
  const shown = messages.slice(0, MAX_MESSAGES_PER_ANSWER - 1);
  const note =
    `This is too long to post whole here (${messages.length} messages); the first ${shown.length} are above. ` +
    `Read the rest a section at a time with the buttons, or \`/brief briefing:${briefing.slug} section:…\`.`;
  return [...shown, { embeds: [{ description: note, color: BRAND_COLOR }], components: messages.at(-1)?.components ?? [] }];
}

export const brief: CommandModule = {
  data,
  usage: '/brief briefing:<name> [section:<summary|incident|motivations|structure|variables|trends|structural|full>]',
  async execute(interaction, respond, ctx) {
    const { briefing, note } = requireBriefing(interaction, ctx);
    const section = interaction.options.getString('section') as SectionChoice | 'full' | null;
    await respond.sendAll(withNote(section ? briefingViewWithinBudget(briefing, section) : [renderBriefingCard(briefing)], note));
  },
  autocomplete: briefingChoices,
  components: {
    // Answers to buttons are shown only to whoever pressed them, so a shared card does not flood the channel.
    async view(_interaction, action, respond, ctx) {
      if (action.kind !== 'view') return;
      await respond.sendAll(briefingViewWithinBudget(findBriefing(action.slug, ctx), action.view), { ephemeral: true });
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
