/**
 * One page of `/search` results: each hit as a field (title, snippet, where it matched), an
 * "Open n" button per hit, and Previous/Next buttons that carry the page and query in their ids.
 */
import { actionButton, buttonRows, STYLE } from './components.js';
import { layoutBlocks } from './embed-layout.js';
import type { ApiActionRow, ApiEmbedField, MessagePayload } from './message-payload.js';
import { escapeMarkdown, oneLine } from './safe-text.js';
import { truncateText } from './truncate-text.js';

/** One hit, as search returns it. */
export interface SearchResultView {
  slug: string;
  title: string;
  score: number;
  /** The field that matched best, e.g. `keyVariables`. */
  field: string;
  snippet: string;
}

/** At most this many results per page: two rows of Open buttons, and well inside 6000 characters. */
export const MAX_PAGE_SIZE = 10;
// 10 × (title + snippet + slug line) stays under 6000 even with 100-character slugs.
const TITLE_MAX = 120;
const SNIPPET_MAX = 260;

/**
 * Page `page` (1-based, clamped into range) of `results` (all of them, best first), `pageSize`
 * per page (clamped to 1–10). One message. `owner`, the user who ran /search, goes into the
 * Previous/Next ids: only they page the public message, anyone else gets a private copy.
 */
export function renderSearchResults(query: string, results: readonly SearchResultView[], page: number, pageSize: number, options: { owner?: string } = {}): MessagePayload {
  const quoted = `“${truncateText(escapeMarkdown(oneLine(query)), 200)}”`;
  if (results.length === 0) {
    const text = [
      `Nothing matches ${quoted}.`,
      '• Try fewer words, or other words for the same thing (“tariffs”, “export controls”).',
      '• Search by actor or place: `/search query:Japan`.',
      '• Ask a question instead: `/ask question:…`.',
    ].join('\n');
    return only(layoutBlocks([{ kind: 'prose', title: '🔎 No results', text }]));
  }
  const size = Math.min(Math.max(Math.trunc(pageSize) || 1, 1), MAX_PAGE_SIZE);
  const pages = Math.ceil(results.length / size);
  const current = Math.min(Math.max(Math.trunc(page) || 1, 1), pages);
  const first = (current - 1) * size;
  const shown = results.slice(first, first + size);
  const fields: ApiEmbedField[] = shown.map((r, i) => ({
    name: `${first + i + 1}. ${truncateText(escapeMarkdown(oneLine(r.title)), TITLE_MAX)}`,
    value: `${truncateText(escapeMarkdown(oneLine(r.snippet)), SNIPPET_MAX) || '—'}\n\`${r.slug}\` · matched in ${truncateText(escapeMarkdown(fieldLabel(r.field)), 40)}`,
  }));
  const intro = `Page ${current} of ${pages} · ${results.length} ${results.length === 1 ? 'briefing' : 'briefings'} found`;
  const message = only(layoutBlocks([{ kind: 'fields', title: `🔎 ${quoted}`, intro, fields }]));
  message.components = [navigation(query, current, pages, options.owner), ...openRows(shown, first)];
  return message;
}

/** Previous and Next; ids stay unique even when both are disabled (pages p−1 or 1, and p+1). */
function navigation(query: string, page: number, pages: number, owner: string | undefined): ApiActionRow {
  const previous = actionButton('◀ Previous', { kind: 'search', page: Math.max(page - 1, 1), query, owner }, STYLE.secondary, page <= 1);
  const next = actionButton('Next ▶', { kind: 'search', page: page + 1, query, owner }, STYLE.secondary, page >= pages);
  return { type: 1, components: [previous, next] };
}

function openRows(shown: readonly SearchResultView[], first: number): ApiActionRow[] {
  const seen = new Set<string>();
  const buttons = shown.flatMap((r, i) => {
    if (seen.has(r.slug)) return [];
    seen.add(r.slug);
    return [actionButton(`Open ${first + i + 1}`, { kind: 'open', slug: r.slug }, STYLE.primary)];
  });
  return buttonRows(buttons, 4);
}

/** `keyVariables` → "key variables". */
export function fieldLabel(field: string): string {
  return field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** Search always fits one message; this picks it (and guards the invariant). */
function only(messages: MessagePayload[]): MessagePayload {
  const [message] = messages;
  if (!message || messages.length > 1) throw new Error('a search page must fit one message');
  return message;
}
