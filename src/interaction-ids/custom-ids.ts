/**
 * The state of every button and select lives in its `custom_id`, so a card posted last week still
 * works after a restart. The router decodes these ids, the renderer writes them, and delivery
 * reads them back to recognise its own posts after an interruption: so they live here, beside
 * the domain, not in any one of those layers. Scheme (version `lb1`, fields separated by `|`):
 *
 * | action   | custom_id                            | notes                                               |
 * |----------|--------------------------------------|-----------------------------------------------------|
 * | view     | `lb1|sec|<slug>|<view>`              | view codes: card sum inc mot pos var trd sts full   |
 * | view     | `lb1|post|<mark>|<slug>`             | "Full briefing" on a delivered post (see below)     |
 * | variable | `lb1|var|<slug>` or `…|<n>`          | a select (value = n) or a button for key variable n |
 * | open     | `lb1|open|<slug>` or `…|<mark>`      | open a briefing's card; marked in a digest          |
 * | search   | `lb1|find|<page>|<owner>|<query…>`   | owner = who ran /search; query last, cut to fit     |
 * | search   | `lb1|srch|<page>|<query…>`           | older ids without an owner, still read              |
 * | publish  | `lb1|pub|ok|<token>`, `…|no|<token>` | confirm or cancel an upload (issue 7)               |
 * | subscription-test | `lb1|subt|<short id>`  | post a test of a subscription (issue 16)            |
 * | subscription-page | `lb1|subl|<page>`      | a page of /subscriptions list                       |
 * | unsubscribe | `lb1|unsub|ok|<channel>|<mode>`, `…|no|…` | confirm removing a channel's subscriptions |
 * | ask      | `lb1|ask|<slug>|<slug>…`             | the question modal; the briefings asked about (0+)  |
 *
 * A slug too long to fit is written packed (`~` + base 93, see pack-slug.ts), so every id of
 * every action stays within 100 characters for slugs of up to 100.
 *
 * `<mark>` is the id of the delivery intent that posted the message (packed, 8–9 characters).
 * Only the bot's scheduled posts carry one, never a reply to `/brief`: after a 5xx, a timeout or a
 * crash, delivery recognises the post it intended by that id and not by look-alike buttons.
 */
import { SLUG_PATTERN } from '../domain/briefing.schema.js';
import { SNOWFLAKE_PATTERN } from '../domain/snowflake.js';
import type { SectionChoice } from '../domain/briefing-sections.js';
import { PACKED_MARK, packDigits, packSlug, unpackDigits, unpackSlug } from './pack-slug.js';

/** What a briefing button shows: a section, the whole briefing, or the compact card. */
export type BriefingView = SectionChoice | 'full' | 'card';

/**
 * Everything a component can ask for. A `variable` select carries no `n`: the chosen option's
 * value is the number; a `variable` button carries it.
 */
export type CustomIdAction =
  /** `delivery`: the delivery intent that posted it (only with view `full`). */
  | { kind: 'view'; slug: string; view: BriefingView; delivery?: string }
  | { kind: 'variable'; slug: string; n?: number }
  /** `delivery`: the delivery intent that posted it (a digest's buttons). */
  | { kind: 'open'; slug: string; delivery?: string }
  /** `owner`: the user who ran /search, the only one whose presses page the public message. */
  | { kind: 'search'; page: number; query: string; owner?: string }
  | { kind: 'publish'; decision: 'confirm' | 'cancel'; token: string }
  /** The "Ask about this briefing" modal: the briefings of the message it was opened on, a prior for the question. */
  | { kind: 'ask'; slugs: string[] }
  | SubscriptionAction;

/** Issue 16: the buttons of the subscription messages. */
export type SubscriptionAction =
  | { kind: 'subscription-test'; shortId: string }
  | { kind: 'subscription-page'; page: number }
  | { kind: 'unsubscribe'; decision: 'confirm' | 'cancel'; channelId: string; mode: 'new' | 'digest' | 'all' };

const VERSION = 'lb1';
const SEP = '|';
/** Discord's custom_id limit (render's COMPONENT_LIMITS.customId says the same). */
const MAX = 100;
/** Key-variable numbers and pages are capped so their digits always fit. */
const MAX_NUMBER = 99_999;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{1,80}$/;
/**
 * Delivery ids as newDeliveryId writes them: the time in ms and a 3-digit counter, 16 digits
 * (17 after the year 2286). The fixed length also tells a mark from a tampered field.
 */
const DELIVERY_PATTERN = /^\d{16,17}$/;
const SHORT_ID_PATTERN = /^[0-9a-z]{1,12}$/;
const UNSUBSCRIBE_MODES = new Set(['new', 'digest', 'all']);

const VIEW_CODES: Record<BriefingView, string> = {
  card: 'card',
  summary: 'sum',
  incident: 'inc',
  motivations: 'mot',
  structure: 'pos',
  variables: 'var',
  trends: 'trd',
  structural: 'sts',
  full: 'full',
};
const VIEWS_BY_CODE = new Map(Object.entries(VIEW_CODES).map(([view, code]) => [code, view as BriefingView]));

/**
 * The custom_id for `action`, at most 100 characters. Throws a RangeError on a programming
 * error (an invalid slug or token, a number out of range), never on a long search query.
 */
export function encodeCustomId(action: CustomIdAction): string {
  switch (action.kind) {
    case 'view':
      if (action.delivery === undefined) return withSlug(['sec'], action.slug, [VIEW_CODES[action.view]]);
      // Laid out to fit a packed 100-character slug: no room for a view code, so `post` means full.
      if (action.view !== 'full') throw new RangeError('encodeCustomId: a delivery mark goes on the full view');
      return withSlug(['post', mark(action.delivery)], action.slug, []);
    case 'variable':
      return withSlug(['var'], action.slug, action.n === undefined ? [] : [String(checkNumber(action.n))]);
    case 'open':
      return withSlug(['open'], action.slug, action.delivery === undefined ? [] : [mark(action.delivery)]);
    case 'search': {
      if (action.owner !== undefined && !SNOWFLAKE_PATTERN.test(action.owner)) throw new RangeError(`encodeCustomId: "${action.owner}" is not a user id`);
      const fields = action.owner === undefined ? ['srch', String(checkNumber(action.page))] : ['find', String(checkNumber(action.page)), action.owner];
      const head = [VERSION, ...fields, ''].join(SEP);
      return head + fitQuery(action.query, MAX - head.length);
    }
    case 'ask': {
      // As many of the slugs as fit (the first is the message's main briefing); packed ones are long, so plain first.
      let id = [VERSION, 'ask'].join(SEP);
      for (const slug of action.slugs) {
        const next = withSlug(['ask'], slug, []).slice(`${VERSION}${SEP}ask${SEP}`.length);
        if (id.length + 1 + next.length > MAX) break;
        id += SEP + next;
      }
      return id;
    }
    case 'publish': {
      if (!TOKEN_PATTERN.test(action.token)) throw new RangeError('encodeCustomId: a publish token is 1–80 of [A-Za-z0-9_-]');
      return [VERSION, 'pub', action.decision === 'confirm' ? 'ok' : 'no', action.token].join(SEP);
    }
    case 'subscription-test':
    case 'subscription-page':
    case 'unsubscribe':
      return encodeSubscriptionAction(action);
  }
}

function encodeSubscriptionAction(action: SubscriptionAction): string {
  switch (action.kind) {
    case 'subscription-test':
      if (!SHORT_ID_PATTERN.test(action.shortId)) throw new RangeError('encodeCustomId: a short id is 1–12 of [0-9a-z]');
      return [VERSION, 'subt', action.shortId].join(SEP);
    case 'subscription-page':
      return [VERSION, 'subl', String(checkNumber(action.page))].join(SEP);
    case 'unsubscribe':
      if (!SNOWFLAKE_PATTERN.test(action.channelId)) throw new RangeError('encodeCustomId: a channel id is a snowflake');
      return [VERSION, 'unsub', action.decision === 'confirm' ? 'ok' : 'no', action.channelId, action.mode].join(SEP);
  }
}

function decodeSubscriptionAction(parts: string[]): SubscriptionAction | undefined {
  const [, verb, a, b, c] = parts;
  if (verb === 'subt') return parts.length === 3 && SHORT_ID_PATTERN.test(a ?? '') ? { kind: 'subscription-test', shortId: a ?? '' } : undefined;
  if (verb === 'subl') {
    const page = readNumber(a);
    return parts.length === 3 && page !== undefined ? { kind: 'subscription-page', page } : undefined;
  }
  const decision = a === 'ok' ? 'confirm' : a === 'no' ? 'cancel' : undefined;
  if (verb !== 'unsub' || parts.length !== 5 || !decision || !SNOWFLAKE_PATTERN.test(b ?? '') || !UNSUBSCRIBE_MODES.has(c ?? '')) return undefined;
  return { kind: 'unsubscribe', decision, channelId: b ?? '', mode: c as 'new' | 'digest' | 'all' };
}

/** The action a custom_id stands for, or undefined for anything this bot did not write. */
export function decodeCustomId(id: string): CustomIdAction | undefined {
  const parts = id.split(SEP);
  if (parts[0] !== VERSION || id.length > MAX) return undefined;
  const [, verb, a, b] = parts;
  switch (verb) {
    case 'sec': {
      const slug = readSlug(a);
      const view = VIEWS_BY_CODE.get(b ?? '');
      return parts.length === 4 && slug && view ? { kind: 'view', slug, view } : undefined;
    }
    case 'var': {
      const slug = readSlug(a);
      if (!slug || parts.length > 4) return undefined;
      if (parts.length === 3) return { kind: 'variable', slug };
      const n = readNumber(b);
      return n === undefined ? undefined : { kind: 'variable', slug, n };
    }
    case 'post': {
      const delivery = readMark(a);
      const slug = readSlug(b);
      return parts.length === 4 && delivery && slug ? { kind: 'view', slug, view: 'full', delivery } : undefined;
    }
    case 'open': {
      const slug = readSlug(a);
      if (!slug || parts.length > 4) return undefined;
      if (parts.length === 3) return { kind: 'open', slug };
      const delivery = readMark(b);
      return delivery ? { kind: 'open', slug, delivery } : undefined;
    }
    case 'srch': {
      const page = readNumber(a);
      return page !== undefined && parts.length >= 4 ? { kind: 'search', page, query: parts.slice(3).join(SEP) } : undefined;
    }
    case 'find': {
      const page = readNumber(a);
      const owner = b !== undefined && SNOWFLAKE_PATTERN.test(b) ? b : undefined;
      return page !== undefined && owner && parts.length >= 5 ? { kind: 'search', page, owner, query: parts.slice(4).join(SEP) } : undefined;
    }
    case 'ask': {
      const slugs = parts.slice(2).map(readSlug);
      return slugs.every((slug) => slug !== undefined) ? { kind: 'ask', slugs: slugs as string[] } : undefined;
    }
    case 'pub': {
      const decision = a === 'ok' ? 'confirm' : a === 'no' ? 'cancel' : undefined;
      return decision && parts.length === 4 && TOKEN_PATTERN.test(b ?? '') ? { kind: 'publish', decision, token: b ?? '' } : undefined;
    }
    case 'subt':
    case 'subl':
    case 'unsub':
      return decodeSubscriptionAction(parts);
    default:
      return undefined;
  }
}

/** The longest search query an id can carry for `page`; longer ones are cut (at a word when possible). */
export function fitQuery(query: string, room: number): string {
  const clean = query.replace(/\s+/g, ' ').trim();
  if (clean.length <= room) return clean;
  let cut = 0;
  for (const char of clean) {
    if (cut + char.length > room) break;
    cut += char.length;
  }
  const head = clean.slice(0, cut);
  const lastSpace = head.lastIndexOf(' ');
  // Prefer ending at a word, unless that would throw away most of the room.
  return (clean[cut] !== ' ' && lastSpace > room / 2 ? head.slice(0, lastSpace) : head).trim();
}

function withSlug(verb: string[], slug: string, rest: string[]): string {
  if (slug.length > 100 || !SLUG_PATTERN.test(slug)) throw new RangeError(`encodeCustomId: "${slug}" is not a slug`);
  const plain = [VERSION, ...verb, slug, ...rest].join(SEP);
  if (plain.length <= MAX) return plain;
  return [VERSION, ...verb, packSlug(slug), ...rest].join(SEP);
}

function mark(delivery: string): string {
  if (!DELIVERY_PATTERN.test(delivery)) throw new RangeError(`encodeCustomId: "${delivery}" is not a delivery id`);
  return packDigits(delivery);
}

function readMark(field: string | undefined): string | undefined {
  const delivery = field ? unpackDigits(field) : undefined;
  return delivery !== undefined && DELIVERY_PATTERN.test(delivery) ? delivery : undefined;
}

function readSlug(field: string | undefined): string | undefined {
  if (!field) return undefined;
  const slug = field.startsWith(PACKED_MARK) ? unpackSlug(field) : field;
  return slug !== undefined && slug.length <= 100 && SLUG_PATTERN.test(slug) ? slug : undefined;
}

function checkNumber(n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > MAX_NUMBER) throw new RangeError(`encodeCustomId: ${n} is not a number from 1 to ${MAX_NUMBER}`);
  return n;
}

function readNumber(field: string | undefined): number | undefined {
  if (!field || !/^[1-9]\d{0,4}$/.test(field)) return undefined;
  return Number(field);
}
