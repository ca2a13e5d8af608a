import { z } from 'zod';
import { formError, type FormError } from './form-errors.js';

/**
 * zod building blocks whose failures carry Discord's own error code and wording, so the
 * 50035 body reads like the real API's (`BASE_TYPE_MAX_LENGTH: Must be 2000 or fewer in length.`).
 */

/** Discord counts characters as code points, not UTF-16 units (an emoji is one). */
export function lengthOf(value: string): number {
  let n = 0;
  for (const _ of value) n += 1;
  return n;
}

function issue(ctx: z.RefinementCtx, discord: FormError): void {
  ctx.addIssue({ code: 'custom', message: discord.message, params: { discord } });
}

/** A string of at most `max` characters (and at least `min`, if given). */
export function text(max: number, min = 0) {
  return z.string().superRefine((value, ctx) => {
    const n = lengthOf(value);
    if (n > max || n < min) issue(ctx, min > 0 ? formError.badLength(min, max) : formError.maxLength(max));
  });
}

/** Like {@link text}, but measured after trimming whitespace, as Discord does for embeds. */
export function trimmedText(max: number, required = false) {
  return z.string().superRefine((value, ctx) => {
    const n = lengthOf(value.trim());
    if (required && n === 0) issue(ctx, formError.required());
    else if (n > max) issue(ctx, formError.maxLength(max));
  });
}

/** An array of at most `max` items (and at least `min`). */
export function list<T extends z.ZodType>(item: T, max: number, min = 0) {
  return z.array(item).superRefine((value, ctx) => {
    if (value.length > max || value.length < min) issue(ctx, min > 0 ? formError.badLength(min, max) : formError.maxLength(max));
  });
}

/** An integer within `[min, max]`. */
export function integer(min: number, max: number) {
  return z.number().superRefine((value, ctx) => {
    if (!Number.isInteger(value)) issue(ctx, formError.invalidType('int'));
    else if (value > max) issue(ctx, formError.numberMax(max));
    else if (value < min) issue(ctx, formError.numberMin(min));
  });
}

/** A snowflake as Discord accepts it: a string or number of digits. */
export const snowflake = z.union([z.string().regex(/^\d{1,20}$/), z.number().int().nonnegative()]).transform(String);

/**
 * An absolute URI of at most `max` characters (the spec's `format: uri` with its `maxLength`): Discord
 * answers URL_TYPE_INVALID_URL for anything else.
 */
export function uri(max: number) {
  return z.string().superRefine((value, ctx) => {
    if (lengthOf(value) > max) issue(ctx, formError.maxLength(max));
    else if (!/^[a-z][a-z0-9+.-]*:/i.test(value) || !URL.canParse(value)) issue(ctx, formError.invalidUrl());
  });
}

/** RFC 3339 date-time (ISO 8601 with seconds and an offset), as the spec's `format: date-time` and Discord's parser want. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 timestamp (embed `timestamp`). */
export const dateTime = z.string().superRefine((value, ctx) => {
  if (!DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) issue(ctx, formError.invalidDateTime(value));
});
