import { DISCORD_LIMITS, MESSAGE_FLAGS } from '../payload-limits.js';
import { ActionRowSchema, BUTTON_STYLE, COMPONENT_TYPE, type RowChildPayload } from './component-schema.js';
import { embedCharacters } from './embed-schema.js';
import { formError, type FormErrors, type FormPath } from './form-errors.js';
import type { MessagePayload } from './message-schema.js';

const C = DISCORD_LIMITS.components;

/**
 * Rules that span several fields of a message and so cannot live in the zod shape:
 * the 6000-character embed total, action-row layout, unique custom ids and allowed_mentions exclusivity.
 */
export function checkMessageRules(payload: MessagePayload, errors: FormErrors, prefix: FormPath): void {
  checkEmbedTotal(payload, errors, prefix);
  checkComponents(payload, errors, prefix);
  checkComponentsV2Exclusivity(payload, errors, prefix);
  checkAllowedMentions(payload, errors, prefix);
}

function checkEmbedTotal(payload: MessagePayload, errors: FormErrors, prefix: FormPath): void {
  const embeds = payload.embeds ?? [];
  const total = embeds.reduce((sum, embed) => sum + embedCharacters(embed), 0);
  if (total > DISCORD_LIMITS.embed.totalCharacters) {
    errors.add([...prefix, 'embeds'], formError.embedTooLarge(DISCORD_LIMITS.embed.totalCharacters));
  }
}

/** Components v2 replace content and embeds (DOCS CMP "IS_COMPONENTS_V2"), with or without components. */
function checkComponentsV2Exclusivity(payload: MessagePayload, errors: FormErrors, prefix: FormPath): void {
  if (((payload.flags ?? 0) & MESSAGE_FLAGS.isComponentsV2) === 0) return;
  if (typeof payload.content === 'string' && payload.content.length > 0) errors.add([...prefix, 'content'], formError.componentsV2LegacyFields());
  if ((payload.embeds?.length ?? 0) > 0) errors.add([...prefix, 'embeds'], formError.componentsV2LegacyFields());
}

function checkComponents(payload: MessagePayload, errors: FormErrors, prefix: FormPath): void {
  const components = payload.components;
  if (!components) return;
  const path = [...prefix, 'components'];
  const isV2 = ((payload.flags ?? 0) & MESSAGE_FLAGS.isComponentsV2) !== 0;
  if (isV2) {
    if (countComponents(components) > C.componentsV2Total) errors.add(path, formError.maxLength(C.componentsV2Total));
    return;
  }
  if (components.length > C.actionRows) errors.add(path, formError.maxLength(C.actionRows));
  const seen = new Set<string>();
  components.forEach((raw, rowIndex) => {
    const parsed = ActionRowSchema.safeParse(raw, { reportInput: true });
    if (!parsed.success) {
      errors.addZodIssues(parsed.error.issues, [...path, rowIndex]);
      return;
    }
    const children = parsed.data.components;
    const rowPath = [...path, rowIndex, 'components'];
    if (children.length < 1 || children.length > C.buttonsPerRow) errors.add(rowPath, formError.badLength(1, C.buttonsPerRow));
    checkRowWidth(children, errors, rowPath);
    children.forEach((child, index) => checkChild(child, errors, [...rowPath, index], seen));
  });
}

/** A select fills a whole row; anything placed after it in the same row is too wide. */
function checkRowWidth(children: RowChildPayload[], errors: FormErrors, rowPath: FormPath): void {
  const hasSelect = children.some((c) => c.type !== COMPONENT_TYPE.button);
  if (!hasSelect || children.length <= C.selectsPerRow) return;
  for (let index = C.selectsPerRow; index < children.length; index += 1) errors.add([...rowPath, index], formError.layoutWidthExceeded());
}

function checkChild(child: RowChildPayload, errors: FormErrors, path: FormPath, seen: Set<string>): void {
  if (child.type === COMPONENT_TYPE.button) {
    const isLink = child.style === BUTTON_STYLE.link;
    const isPremium = child.style === BUTTON_STYLE.premium;
    // A link button has a url and no custom_id; every other style the reverse (DOCS CMP "Button").
    if (isLink && !child.url) errors.add([...path, 'url'], formError.required());
    if (isLink && child.custom_id) errors.add([...path, 'custom_id'], formError.notAllowed());
    if (!isLink && !isPremium && !child.custom_id) errors.add([...path, 'custom_id'], formError.required());
    if (!isLink && child.url) errors.add([...path, 'url'], formError.notAllowed());
    if (!isPremium && !child.label && !child.emoji) errors.add([...path, 'label'], formError.required());
  }
  if (child.type === COMPONENT_TYPE.stringSelect) checkSelectValues(child, errors, path);
  const id = child.custom_id;
  if (id) {
    if (seen.has(id)) errors.add([...path, 'custom_id'], formError.customIdDuplicated());
    seen.add(id);
  }
}

function checkSelectValues(
  select: { min_values?: number | null; max_values?: number | null; options: unknown[] },
  errors: FormErrors,
  path: FormPath,
): void {
  const values = new Set<string>();
  select.options.forEach((option, index) => {
    const value = (option as { value?: unknown }).value;
    if (typeof value !== 'string') return;
    if (values.has(value)) errors.add([...path, 'options', index, 'value'], formError.optionValueDuplicated());
    values.add(value);
  });
  const min = select.min_values ?? 1;
  const max = select.max_values ?? 1;
  if (min > max) errors.add([...path, 'min_values'], formError.numberMax(max));
  if (max > select.options.length) errors.add([...path, 'max_values'], formError.numberMax(select.options.length));
}

function countComponents(nodes: ReadonlyArray<Record<string, unknown>>): number {
  let total = 0;
  for (const node of nodes) {
    total += 1;
    if (Array.isArray(node.components)) total += countComponents(node.components as Array<Record<string, unknown>>);
    if (node.accessory && typeof node.accessory === 'object') total += 1;
  }
  return total;
}

function checkAllowedMentions(payload: MessagePayload, errors: FormErrors, prefix: FormPath): void {
  const mentions = payload.allowed_mentions;
  if (!mentions?.parse) return;
  for (const type of ['users', 'roles'] as const) {
    const ids = mentions[type];
    if (mentions.parse.includes(type) && ids && ids.length > 0) {
      errors.add([...prefix, 'allowed_mentions'], formError.mentionsExclusive(type));
    }
  }
}
