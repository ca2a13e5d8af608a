/**
 * One checker for every Discord limit a rendered message must respect (docs/discord-facts.md §1, §2).
 * Lengths are UTF-16 units, stricter than Discord's code points; blank names and values count
 * as violations because Discord rejects them too.
 */
import { decodeCustomId } from '../../src/interaction-ids/custom-ids.js';
import { COMPONENT_LIMITS as C, MESSAGE_LIMITS as L } from '../../src/render/discord-limits.js';
import type { ApiButton, ApiStringSelect, MessagePayload } from '../../src/render/message-payload.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Every limit `payload` breaks, as readable lines; empty when it is within all of them. */
export function discordLimitViolations(payload: MessagePayload): string[] {
  const problems: string[] = [];
  const text = (path: string, value: string | undefined, max: number, required = false): number => {
    if (value === undefined) {
      if (required) problems.push(`${path} is missing`);
      return 0;
    }
    if (value.length > max) problems.push(`${path} is ${value.length} long, over ${max}`);
    if (required && value.trim() === '') problems.push(`${path} is blank`);
    if (LONE_SURROGATE.test(value)) problems.push(`${path} has a torn surrogate pair`);
    return value.length;
  };

  text('content', payload.content, L.content);
  const embeds = payload.embeds ?? [];
  const components = payload.components ?? [];
  if (!payload.content?.trim() && embeds.length === 0 && components.length === 0) problems.push('message is empty');
  if (embeds.length > L.embeds) problems.push(`${embeds.length} embeds, over ${L.embeds}`);
  let total = 0;
  embeds.forEach((embed, e) => {
    const at = `embeds[${e}]`;
    total += text(`${at}.title`, embed.title, L.title);
    total += text(`${at}.description`, embed.description, L.description);
    total += text(`${at}.footer.text`, embed.footer?.text, L.footer, embed.footer !== undefined);
    total += text(`${at}.author.name`, embed.author?.name, L.author, embed.author !== undefined);
    const fields = embed.fields ?? [];
    if (fields.length > L.fields) problems.push(`${at} has ${fields.length} fields, over ${L.fields}`);
    fields.forEach((field, f) => {
      total += text(`${at}.fields[${f}].name`, field.name, L.fieldName, true);
      total += text(`${at}.fields[${f}].value`, field.value, L.fieldValue, true);
    });
    if (!embed.title?.trim() && !embed.description?.trim() && fields.length === 0) problems.push(`${at} shows nothing`);
  });
  if (total > L.total) problems.push(`embeds total ${total} characters, over ${L.total}`);

  if (components.length > C.actionRows) problems.push(`${components.length} action rows, over ${C.actionRows}`);
  const ids = new Set<string>();
  components.forEach((row, r) => {
    const at = `components[${r}]`;
    if (row.type !== 1) problems.push(`${at} is not an action row`);
    const children = row.components ?? [];
    if (children.length === 0 || children.length > C.buttonsPerRow) problems.push(`${at} holds ${children.length} components`);
    const selects = children.filter((c) => c.type === 3).length;
    if (selects > 0 && children.length > 1) problems.push(`${at} mixes a select with other components`);
    children.forEach((child, c) => {
      const path = `${at}.components[${c}]`;
      if (child.type === 2) checkButton(child, path, problems, text);
      else checkSelect(child, path, problems, text);
      if (child.custom_id !== undefined) {
        if (ids.has(child.custom_id)) problems.push(`${path}.custom_id "${child.custom_id}" is not unique in the message`);
        ids.add(child.custom_id);
        if (!decodeCustomId(child.custom_id)) problems.push(`${path}.custom_id "${child.custom_id}" does not decode`);
      }
    });
  });
  return problems;
}

/** Throws, listing every violation, when `payload` breaks a Discord limit. */
export function assertWithinDiscordLimits(payload: MessagePayload, label = 'message'): void {
  const problems = discordLimitViolations(payload);
  if (problems.length > 0) throw new Error(`${label} breaks Discord limits:\n- ${problems.join('\n- ')}`);
}

type TextCheck = (path: string, value: string | undefined, max: number, required?: boolean) => number;

function checkButton(button: ApiButton, path: string, problems: string[], text: TextCheck): void {
  text(`${path}.label`, button.label, C.buttonLabel, true);
  if (button.style === 5) {
    if (!button.url || button.custom_id !== undefined) problems.push(`${path} is a link button without a url or with a custom_id`);
  } else {
    text(`${path}.custom_id`, button.custom_id, C.customId, true);
  }
}

function checkSelect(select: ApiStringSelect, path: string, problems: string[], text: TextCheck): void {
  text(`${path}.custom_id`, select.custom_id, C.customId, true);
  text(`${path}.placeholder`, select.placeholder, C.placeholder);
  const options = select.options ?? [];
  if (options.length === 0 || options.length > C.selectOptions) problems.push(`${path} has ${options.length} options`);
  const values = new Set<string>();
  options.forEach((option, o) => {
    text(`${path}.options[${o}].label`, option.label, C.optionLabel, true);
    text(`${path}.options[${o}].value`, option.value, C.optionValue, true);
    text(`${path}.options[${o}].description`, option.description, C.optionDescription);
    if (values.has(option.value)) problems.push(`${path}.options[${o}].value "${option.value}" repeats`);
    values.add(option.value);
  });
  const min = select.min_values ?? 1;
  const max = select.max_values ?? 1;
  if (min < 0 || max < 1 || min > max || max > Math.min(options.length, 25)) problems.push(`${path} min/max values ${min}/${max} are out of range`);
}
