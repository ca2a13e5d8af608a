import { z } from 'zod';
import { DISCORD_LIMITS } from '../payload-limits.js';
import { dateTime, integer, list, trimmedText, uri } from './discord-zod.js';

const L = DISCORD_LIMITS.embed;

const link = uri(L.url);
const media = z.looseObject({ url: link });

/** One embed field: name and value are required and trimmed before counting. */
export const EmbedFieldSchema = z.looseObject({
  name: trimmedText(L.fieldName, true),
  value: trimmedText(L.fieldValue, true),
  inline: z.boolean().nullish(),
});

/** An embed as a bot sends it (DOCS MSG "Embed Object", "Embed Limits"). */
export const EmbedSchema = z.looseObject({
  title: trimmedText(L.title).nullish(),
  type: z.string().nullish(),
  description: trimmedText(L.description).nullish(),
  url: link.nullish(),
  timestamp: dateTime.nullish(),
  color: integer(0, 0xffffff).nullish(),
  footer: z.looseObject({ text: trimmedText(L.footerText, true), icon_url: link.nullish() }).nullish(),
  author: z.looseObject({ name: trimmedText(L.authorName, true), url: link.nullish(), icon_url: link.nullish() }).nullish(),
  image: media.nullish(),
  thumbnail: media.nullish(),
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
