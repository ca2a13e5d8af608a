/**
 * Option helpers every briefing command shares: the `briefing` option with autocomplete, and
 * turning what the user picked or typed into a briefing (or an answer with the closest ones).
 */
import type { ApplicationCommandOptionChoiceData, AutocompleteInteraction, ChatInputCommandInteraction, SlashCommandStringOption } from 'discord.js';
import type { Briefing, NumberedItem } from '../src/domain/briefing.schema.js';
import { foldForMatch } from '../src/domain/fold-text.js';
import { DISCORD_MAX_CHOICES } from '../src/render/discord-limits.js';
import { UserFacingError, type CommandContext } from '../src/discord/command-module.js';

export const briefingOption = (option: SlashCommandStringOption, required = true): SlashCommandStringOption =>
  option.setName('briefing').setDescription('The briefing (type to search by name or topic)').setRequired(required).setAutocomplete(true).setMaxLength(100);

/** The briefing named by the `briefing` option; throws a user-facing "did you mean" when there is none. */
export function requireBriefing(interaction: ChatInputCommandInteraction, ctx: CommandContext): Briefing {
  const typed = interaction.options.getString('briefing', true).trim();
  return findBriefing(typed, ctx);
}

export function findBriefing(typed: string, ctx: CommandContext): Briefing {
  const briefing = ctx.library.get(typed.toLowerCase());
  if (briefing) return briefing;
  throw new UserFacingError(`No briefing is called “${typed}”.`, { unknownBriefing: typed });
}

/** Slug choices for a partially typed briefing name: fuzzy as typed, newest first when empty. */
export function briefingChoices(interaction: AutocompleteInteraction, ctx: CommandContext): ApplicationCommandOptionChoiceData[] {
  return ctx.library.autocomplete(interaction.options.getFocused().toString(), DISCORD_MAX_CHOICES);
}

/** The briefing chosen so far in an autocomplete interaction, if it names one. */
export function chosenBriefing(interaction: AutocompleteInteraction, ctx: CommandContext): Briefing | undefined {
  const slug = interaction.options.getString('briefing')?.trim().toLowerCase();
  return slug ? ctx.library.get(slug) : undefined;
}

/** Choice names are at most 100 characters. */
export const choiceName = (text: string): string => (text.length <= 100 ? text : `${text.slice(0, 99).replace(/\s+\S*$/, '')}…`);

/**
 * Numbered items (key variables, trends) as choices for what is typed so far: those whose number
 * starts with the digits typed (or, for words, whose text contains them), at most 25. Without
 * the filter, items past the 25th could never be offered.
 */
export function numberedChoices(items: readonly NumberedItem[], typed: string): ApplicationCommandOptionChoiceData[] {
  const query = foldForMatch(typed);
  const matches = (item: NumberedItem): boolean => (/^\d+$/.test(query) ? String(item.n).startsWith(query) : foldForMatch(item.text).includes(query));
  const matching = query ? items.filter(matches) : items;
  return matching.slice(0, DISCORD_MAX_CHOICES).map((item) => ({ name: choiceName(`${item.n}. ${item.text}`), value: item.n }));
}

/**
 * `n` if `items` (a briefing's key variables or trends, named `plural`) has number `n`;
 * otherwise a user-facing error naming the valid numbers.
 */
export function requireNumbered(briefing: Briefing, items: readonly NumberedItem[], n: number, plural: string): number {
  if (items.some((item) => item.n === n)) return n;
  const count = items.length;
  throw new UserFacingError(count === 0 ? `“${briefing.title}” lists no ${plural}.` : `“${briefing.title}” has ${plural} 1 to ${count}; there is no number ${n}.`);
}

/** `n` if the briefing has key variable `n`; otherwise a user-facing error naming the valid numbers. */
export function requireKeyVariable(briefing: Briefing, n: number): number {
  return requireNumbered(briefing, briefing.keyVariables, n, 'key variables');
}
