/**
 * Discord's message limits (discord-facts.md §1, §2, §4), as the renderer must respect them.
 * Every renderer measures strings with `.length` (UTF-16 units), which is never less than
 * Discord's own count (code points), so staying within these numbers is always safe.
 */

/** Limits of a message and its embeds. */
export const MESSAGE_LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  /** title + description + field names and values + footer + author, over all embeds of one message. */
  total: 6000,
} as const;

/** Limits of message components (legacy action rows, not components v2). */
export const COMPONENT_LIMITS = {
  actionRows: 5,
  buttonsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
  selectOptions: 25,
  optionLabel: 100,
  optionValue: 100,
  optionDescription: 100,
  placeholder: 150,
} as const;

/** Limits of autocomplete answers. */
export const AUTOCOMPLETE_LIMITS = {
  choices: 25,
  choiceName: 100,
} as const;

/** All limits in one object, for checkers that want to iterate. */
export const DISCORD_LIMITS = { ...MESSAGE_LIMITS, ...COMPONENT_LIMITS, autocompleteChoices: 25, choiceName: 100 } as const;
