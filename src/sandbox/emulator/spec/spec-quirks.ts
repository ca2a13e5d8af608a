/**
 * Where Discord's OpenAPI description disagrees with what Discord does (and its developer docs say).
 * The spec's README says the docs win, so the checker follows the docs on exactly these points and
 * nowhere else. Keep this list short: each entry is a known, documented disagreement, not a way to
 * silence a mismatch of the emulator.
 */

/** A quirk that makes a real Discord body fit the spec's schema before it is validated. */
export interface BodyQuirk {
  id: string;
  /** Why the spec is wrong here, and where the truth is written. */
  reason: string;
  /** Returns the body as the spec would describe it, or the same body when the quirk does not apply. */
  normalise(body: unknown): unknown;
}

/** A limit the docs set tighter than the spec; the emulator enforces the docs' value. */
export interface LimitQuirk {
  id: string;
  reason: string;
  /** Spec schema and property. */
  schema: string;
  property: string;
  specLimit: number;
  docsLimit: number;
}

/**
 * Form errors: Discord sends `{"_errors":[{"code":"BASE_TYPE_MAX_LENGTH","message":…}]}` (string codes),
 * while the spec types every error `code` as an integer (its `Error` schema is shared with the top-level
 * numeric code). Discord's docs (reference "Error Messages") show the string codes.
 */
const FORM_ERROR_STRING_CODES: BodyQuirk = {
  id: 'form-error-string-codes',
  reason: 'the spec types form-error `code` as integer; Discord sends strings such as BASE_TYPE_MAX_LENGTH (docs: reference, Error Messages)',
  normalise(body) {
    if (!isObject(body) || !isObject(body.errors)) return body;
    return { ...body, errors: numericCodes(body.errors) };
  },
};

/** Body quirks applied to every error response before validation. */
export const RESPONSE_QUIRKS: readonly BodyQuirk[] = [FORM_ERROR_STRING_CODES];

/**
 * Application commands: the docs type `default_member_permissions` as `?string` (a permission bitset, as
 * every permission field is serialised), and discord.js sends `"0"`; the spec's command requests type it
 * as an integer. The docs win: a string of digits is read as the number it spells.
 */
const PERMISSIONS_AS_STRING: BodyQuirk = {
  id: 'default-member-permissions-string',
  reason: 'the spec types default_member_permissions as integer in command requests; the docs say ?string and discord.js sends "0"',
  normalise(body) {
    const fix = (command: unknown): unknown =>
      isObject(command) && typeof command.default_member_permissions === 'string' && /^\d+$/.test(command.default_member_permissions)
        ? { ...command, default_member_permissions: Number(command.default_member_permissions) }
        : command;
    return Array.isArray(body) ? body.map(fix) : fix(body);
  },
};

/** Body quirks applied to request bodies (of command routes; harmless elsewhere) before validation. */
export const REQUEST_QUIRKS: readonly BodyQuirk[] = [PERMISSIONS_AS_STRING];

/** Limits where the docs win over the spec (used by the negative cases, which test the docs' value too). */
export const LIMIT_QUIRKS: readonly LimitQuirk[] = [
  {
    id: 'content-2000',
    reason: 'the spec allows 4000 characters of message content; the docs (and Discord, for bots) allow 2000',
    schema: 'MessageCreateRequest',
    property: 'content',
    specLimit: 4000,
    docsLimit: 2000,
  },
];

function numericCodes(tree: unknown): unknown {
  if (Array.isArray(tree)) return tree.map((e) => (isObject(e) && typeof e.code === 'string' ? { ...e, code: 0 } : e));
  if (!isObject(tree)) return tree;
  return Object.fromEntries(Object.entries(tree).map(([k, v]) => [k, numericCodes(v)]));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
