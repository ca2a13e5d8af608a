/**
 * Discord messages as plain API JSON (no discord.js): what every renderer returns and what the
 * Discord glue sends, adding `allowed_mentions` and `flags` itself.
 */

/** One embed field. `name` and `value` must not be blank: Discord rejects empty fields. */
export interface ApiEmbedField {
  name: string;
  value: string;
  inline?: boolean;
}

/** The subset of Discord's embed object the renderer uses. */
export interface ApiEmbed {
  title?: string;
  description?: string;
  url?: string;
  color?: number;
  fields?: ApiEmbedField[];
  footer?: { text: string };
  author?: { name: string };
}

/** Button styles: primary, secondary, success, danger, link (link buttons carry `url`, no `custom_id`). */
export type ButtonStyle = 1 | 2 | 3 | 4 | 5;

/** A button (type 2); every button here has a `custom_id`. */
export interface ApiButton {
  type: 2;
  style: ButtonStyle;
  label: string;
  custom_id?: string;
  url?: string;
  disabled?: boolean;
}

/** One option of a string select; `default` marks it as the current choice. */
export interface ApiSelectOption {
  label: string;
  value: string;
  description?: string;
  default?: boolean;
}

/** A string select (type 3). */
export interface ApiStringSelect {
  type: 3;
  custom_id: string;
  placeholder?: string;
  options: ApiSelectOption[];
  min_values?: number;
  max_values?: number;
}

/** A row holds up to five buttons or exactly one select. */
export interface ApiActionRow {
  type: 1;
  components: (ApiButton | ApiStringSelect)[];
}

/** A message as Discord's API takes it, minus allowed_mentions and flags, which the Discord glue sets on every send. */
export interface MessagePayload {
  content?: string;
  embeds: ApiEmbed[];
  components: ApiActionRow[];
}

/** Lumen's accent colour, on briefing embeds. */
export const BRAND_COLOR = 0x3b6fd4;
/** Red: the mark of a user error (see `isUserError`). */
export const ERROR_COLOR = 0xd93f3f;
/** Green, for digests. */
export const DIGEST_COLOR = 0x2e9d6a;
