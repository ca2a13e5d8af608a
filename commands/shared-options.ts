/**
 * Option helpers every briefing command shares: the `briefing` option with autocomplete, and
 * turning what the user picked or typed into a briefing (or an answer with the closest ones).
 */
import type { ApplicationCommandOptionChoiceData, AutocompleteInteraction, ChatInputCommandInteraction, SlashCommandStringOption } from 'discord.js';
import type { Briefing, NumberedItem } from '../src/domain/briefing.schema.js';
import { foldForMatch } from '../src/domain/fold-text.js';
import { DISCORD_MAX_CHOICES } from '../src/render/discord-limits.js';
import { UserFacingError, type CommandContext } from '../src/discord/command-module.js';
import { EMPTY_ARCHIVE_MESSAGE, renderShowingNote } from '../src/render/user-error.js';
import { resolveTypedBriefing } from '../src/search/resolve-typed-briefing.js';

export const briefingOption = (option: SlashCommandStringOption, required = true): SlashCommandStringOption =>
  option.setName('briefing').setDescription('The briefing (type to search by name or topic)').setRequired(required).setAutocomplete(true).setMaxLength(100);

/** A briefing the user named, and what they typed when it was not its slug (for the "showing …" note). */
export interface NamedBriefingAnswer {
  briefing: Briefing;
  /** The one-line note to put above the answer, when the typed name was not exactly the slug. */
  note?: string;
}

/** The briefing named by the `briefing` option; throws a user-facing "did you mean" when there is none. */
export function requireBriefing(interaction: ChatInputCommandInteraction, ctx: CommandContext): NamedBriefingAnswer {
  return resolveBriefing(interaction.options.getString('briefing', true), ctx);
}

/**
 * What a typed briefing name means, the way every `briefing` option resolves it: the slug, else
 * the one briefing that is clearly the best match by slug and title words (with a note saying
 * so), else a user-facing error listing the candidates. The candidates are the name index's 25
 * best for the text (the same as autocomplete would offer), scored by `resolveBriefingName`:
 * fast at any archive size, and a close rival is always among them.
 */
export function resolveBriefing(typed: string, ctx: CommandContext): NamedBriefingAnswer {
  const wanted = typed.trim();
  const exact = ctx.library.get(wanted.toLowerCase());
  if (exact) return { briefing: exact };
  requireArchiveNotEmpty(ctx);
  const briefing = closestBriefing(wanted, ctx);
  if (briefing) return { briefing, note: renderShowingNote(wanted, briefing.slug) };
  throw new UserFacingError(`No briefing is called “${wanted}”.`, { unknownBriefing: wanted });
}

/** The one briefing clearly meant by a name that is not a slug, if there is one (src/search/resolve-typed-briefing.ts). */
function closestBriefing(typed: string, ctx: CommandContext): Briefing | undefined {
  return resolveTypedBriefing(ctx.library, typed);
}

/** Throws the "how briefings get in" answer when the archive holds none (/search, /ask). */
export function requireArchiveNotEmpty(ctx: CommandContext): void {
  if (ctx.library.size === 0) throw new UserFacingError(EMPTY_ARCHIVE_MESSAGE);
}

/** A briefing by its exact slug (buttons and menus carry it in their custom_id). */
export function findBriefing(slug: string, ctx: CommandContext): Briefing {
  const briefing = ctx.library.get(slug.toLowerCase());
  if (briefing) return briefing;
  throw new UserFacingError(`No briefing is called “${slug}”.`, { unknownBriefing: slug });
}

/**
 * Slug choices for a partially typed briefing name: fuzzy as typed, newest first when empty. On
 * an empty archive one choice says so (an empty list reads as "the bot is broken"); picking it
 * gets the answer that says how briefings get in.
 */
export function briefingChoices(interaction: AutocompleteInteraction, ctx: CommandContext): ApplicationCommandOptionChoiceData[] {
  if (ctx.library.size === 0) return [{ name: 'No briefings yet: an admin can add one with /publish', value: 'none' }];
  return ctx.library.autocomplete(interaction.options.getFocused().toString(), DISCORD_MAX_CHOICES);
}

/** The briefing chosen so far in an autocomplete interaction, if it names one (resolved as the command will). */
export function chosenBriefing(interaction: AutocompleteInteraction, ctx: CommandContext): Briefing | undefined {
  const typed = interaction.options.getString('briefing')?.trim();
  if (!typed) return undefined;
  return ctx.library.get(typed.toLowerCase()) ?? closestBriefing(typed, ctx);
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
