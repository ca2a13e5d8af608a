/**
 * Lays out long content as embeds and messages within Discord's limits. Renderers describe what
 * to show as blocks (prose, or named fields); this module splits text at paragraph, sentence or
 * word boundaries, marks every continuation "(continued)", and packs embeds into messages
 * (≤ 10 embeds and ≤ 6000 characters each).
 */
import { MESSAGE_LIMITS as L } from './discord-limits.js';
import { BRAND_COLOR, type ApiEmbed, type ApiEmbedField, type MessagePayload } from './message-payload.js';
import { plainText } from './safe-text.js';
import { splitText } from './split-text.js';
import { truncateText, withSuffix } from './truncate-text.js';

/** Text under a title, split over as many embeds as it needs. `text` is display-ready markdown. */
export interface ProseBlock {
  kind: 'prose';
  title: string;
  text: string;
}

/** Named fields under a title (and an optional intro), each split into ≤ 1024-character pieces. */
export interface FieldsBlock {
  kind: 'fields';
  title: string;
  intro?: string;
  fields: ApiEmbedField[];
}

/** What a renderer hands to {@link layoutBlocks}. */
export type Block = ProseBlock | FieldsBlock;

/** Decoration shared by all embeds of one layout. */
export interface LayoutOptions {
  /** Shown above the first embed (plain text), e.g. the briefing's title. */
  author?: string;
  /** Shown under the last embed (plain text), e.g. slug and date. */
  footer?: string;
  color?: number;
}

const CONTINUED = ' (continued)';
/** Footers here are slug and date; capping them keeps every embed well inside 6000. */
const FOOTER_MAX = 1000;
/** What a blank block or field shows instead of nothing (Discord rejects blank fields). */
export const NOTHING = '—';

/** The blocks as messages, each within every limit; components are left for the caller. */
export function layoutBlocks(blocks: readonly Block[], options: LayoutOptions = {}): MessagePayload[] {
  const author = options.author ? truncateText(plainText(options.author), L.author) : '';
  const footer = options.footer ? truncateText(plainText(options.footer), FOOTER_MAX) : '';
  const reserved = author.length + footer.length;
  const embeds = blocks.flatMap((block) => (block.kind === 'prose' ? proseEmbeds(block) : fieldEmbeds(block, reserved)));
  if (embeds.length === 0) embeds.push({ description: NOTHING });
  const color = options.color ?? BRAND_COLOR;
  for (const embed of embeds) embed.color = color;
  if (author) (embeds[0] as ApiEmbed).author = { name: author };
  if (footer) (embeds[embeds.length - 1] as ApiEmbed).footer = { text: footer };
  return packMessages(embeds);
}

/** Groups embeds into as few messages as the 10-embed and 6000-character limits allow, in order. */
export function packMessages(embeds: readonly ApiEmbed[]): MessagePayload[] {
  const messages: MessagePayload[] = [];
  let current: ApiEmbed[] = [];
  let used = 0;
  for (const embed of embeds) {
    const size = embedCharacters(embed);
    if (current.length > 0 && (current.length === L.embeds || used + size > L.total)) {
      messages.push({ embeds: current, components: [] });
      current = [];
      used = 0;
    }
    current.push(embed);
    used += size;
  }
  if (current.length > 0) messages.push({ embeds: current, components: [] });
  return messages;
}

/** The characters of an embed that count toward a message's 6000. */
export function embedCharacters(embed: ApiEmbed): number {
  let total = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  total += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const field of embed.fields ?? []) total += field.name.length + field.value.length;
  return total;
}

/** A title cut to fit, and its "(continued)" form. */
export function fitTitle(title: string, max: number = L.title): { first: string; next: string } {
  return { first: truncateText(title, max) || NOTHING, next: withSuffix(title, CONTINUED, max) };
}

function proseEmbeds(block: ProseBlock): ApiEmbed[] {
  const title = fitTitle(block.title);
  const chunks = splitText(block.text, L.description);
  if (chunks.length === 0) chunks.push(NOTHING);
  return chunks.map((description, i) => ({ title: i === 0 ? title.first : title.next, description }));
}

function fieldEmbeds(block: FieldsBlock, reserved: number): ApiEmbed[] {
  const title = fitTitle(block.title);
  const intro = splitText(block.intro ?? '', L.description);
  const lastIntro = intro.pop();
  const embeds: ApiEmbed[] = intro.map((description, i) => ({ title: i === 0 ? title.first : title.next, description }));
  let fields: ApiEmbedField[] = [];
  let current: ApiEmbed = { title: embeds.length === 0 ? title.first : title.next };
  if (lastIntro) current.description = lastIntro;
  let used = embedCharacters(current) + reserved;
  const flush = (): void => {
    if (fields.length > 0) current.fields = fields;
    else current.description ??= NOTHING;
    embeds.push(current);
  };
  for (const piece of block.fields.flatMap(fieldPieces)) {
    const size = piece.name.length + piece.value.length;
    if (fields.length === L.fields || used + size > L.total) {
      flush();
      fields = [];
      current = { title: title.next };
      used = embedCharacters(current) + reserved;
    }
    fields.push(piece);
    used += size;
  }
  flush();
  return embeds;
}

/** One field as pieces of ≤ 1024 characters; a name too long to show whole opens the value instead. */
function fieldPieces(field: ApiEmbedField): ApiEmbedField[] {
  const fullName = field.name.trim();
  const name = fitTitle(fullName, L.fieldName);
  const value = name.first === fullName || !fullName ? field.value : `**${fullName}**\n${field.value}`;
  const chunks = splitText(value, L.fieldValue);
  if (chunks.length === 0) chunks.push(NOTHING);
  return chunks.map((chunk, i) => ({ name: i === 0 ? name.first : name.next, value: chunk }));
}
