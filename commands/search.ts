/** /search: the best matches with their snippets, paged with Previous/Next, each openable. */
import { SlashCommandBuilder } from 'discord.js';
import type { CommandModule } from '../src/discord/command-module.js';
import { renderSearchResults } from '../src/render/index.js';
import { requireArchiveNotEmpty } from './shared-options.js';

/** Results per page; the whole result list (at most MAX_RESULTS) is recomputed for each page. */
const PAGE_SIZE = 5;
const MAX_RESULTS = 50;

export const data = new SlashCommandBuilder()
  .setName('search')
  .setDescription('Search the briefing archive (typos are fine)')
  .addStringOption((o) => o.setName('query').setDescription('Words, names or places, e.g. "chip export controls"').setRequired(true).setMaxLength(200));

export const search: CommandModule = {
  data,
  usage: '/search query:<words>',
  async execute(interaction, respond, ctx) {
    const query = interaction.options.getString('query', true);
    requireArchiveNotEmpty(ctx);
    await respond.send(renderSearchResults(query, ctx.library.search(query, { limit: MAX_RESULTS }), 1, PAGE_SIZE, { owner: interaction.user.id }));
  },
  components: {
    async search(interaction, action, respond, ctx) {
      if (action.kind !== 'search') return;
      const results = ctx.library.search(action.query, { limit: MAX_RESULTS });
      // Only whoever ran /search pages the public message (ids written before owners were: anyone).
      if (action.owner === undefined || action.owner === interaction.user.id) {
        await respond.update(renderSearchResults(action.query, results, action.page, PAGE_SIZE, { owner: action.owner }));
        return;
      }
      // Anyone else gets that page for themselves, with buttons of their own.
      await respond.send(renderSearchResults(action.query, results, action.page, PAGE_SIZE, { owner: interaction.user.id }), { ephemeral: true });
    },
  },
};
