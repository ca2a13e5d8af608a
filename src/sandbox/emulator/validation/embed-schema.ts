import { z } from 'zod';
import { DISCORD_LIMITS, MAX_INT32 } from '../payload-limits.js';
import { dateTime, integer, list, text, trimmedText, uri } from './discord-zod.js';

const L = DISCORD_LIMITS.embed;

const link = uri(L.url);
const media = z.looseObject({
  url: link,
  description: text(L.mediaDescription).nullish(),
  placeholder: text(L.mediaPlaceholder).nullish(),
  placeholder_version: integer(0, MAX_INT32).nullish(),
});

/** One embed field: name and value are required and trimmed before counting. */
export const EmbedFieldSchema = z.looseObject({
  name: trimmedText(L.fieldName, true),
  value: trimmedText(L.fieldValue, true),
  inline: z.boolean().nullish(),
});

/** An embed as a bot sends it (DOCS MSG "Embed Object", "Embed Limits"). */
export const EmbedSchema = z.looseObject({
  title: trimmedText(L.title).nullish(),
  // The spec bounds even `type` (bots send "rich"); its odd maxLength is kept in payload-limits.
  type: text(L.type).nullish(),
  description: trimmedText(L.description).nullish(),
  url: link.nullish(),
  timestamp: dateTime.nullish(),
  color: integer(0, 0xffffff).nullish(),
  footer: z.looseObject({ text: trimmedText(L.footerText, true), icon_url: link.nullish() }).nullish(),
  author: z.looseObject({ name: trimmedText(L.authorName, true), url: link.nullish(), icon_url: link.nullish() }).nullish(),
  image: media.nullish(),
  thumbnail: media.nullish(),
  video: media.partial({ url: true }).nullish(),
  provider: z.looseObject({ name: text(L.providerName).nullish(), url: link.nullish() }).nullish(),
  fields: list(EmbedFieldSchema, L.fields).nullish(),
});

/** An embed after validation. */
export type EmbedPayload = z.infer<typeof EmbedSchema>;

/** The characters of one embed that count toward the 6000 total. */
export function embedCharacters(embed: EmbedPayload): number {
  const count = (s: string | null | undefined): number => (s ? [...s.trim()].length : 0);
  let total = count(embed.title) + count(embed.description) + count(embed.footer?.text) + count(embed.author?.name);
  for (const field of embed.fields ?? []) total += count(field.name) + count(field.value);
  return total;
}
