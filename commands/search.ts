/** /search: the best matches with their snippets, paged with Previous/Next, each openable. */
import { SlashCommandBuilder } from 'discord.js';
import type { CommandModule } from '../src/discord/command-module.js';
import { renderSearchResults } from '../src/render/index.js';

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
    await respond.send(renderSearchResults(query, ctx.library.search(query, { limit: MAX_RESULTS }), 1, PAGE_SIZE));
  },
  components: {
    async search(_interaction, action, respond, ctx) {
      if (action.kind !== 'search') return;
      await respond.update(renderSearchResults(action.query, ctx.library.search(action.query, { limit: MAX_RESULTS }), action.page, PAGE_SIZE));
    },
  },
};
