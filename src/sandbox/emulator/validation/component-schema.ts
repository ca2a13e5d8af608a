import { z } from 'zod';
import { DISCORD_LIMITS, MAX_INT32 } from '../payload-limits.js';
import { integer, list, text, uri } from './discord-zod.js';

const L = DISCORD_LIMITS.components;

/** Component type numbers (DOCS CMP "Component Types"). */
export const COMPONENT_TYPE = {
  actionRow: 1,
  button: 2,
  stringSelect: 3,
  textInput: 4,
  userSelect: 5,
  roleSelect: 6,
  mentionableSelect: 7,
  channelSelect: 8,
} as const;

/** Button styles; 5 is a link (needs `url`, no `custom_id`), 6 premium (needs `sku_id`). */
export const BUTTON_STYLE = { link: 5, premium: 6 } as const;

const emoji = z.looseObject({ id: z.string().nullish(), name: z.string().nullish(), animated: z.boolean().nullish() });
const customId = text(L.customId, 1);
/** A component's own numeric id (the spec: int32 ≥ 0); Discord assigns one when absent. */
const componentId = integer(0, MAX_INT32).nullish();

/** A button (DOCS CMP "Button"). Style-dependent requirements are checked in message-rules. */
export const ButtonSchema = z.looseObject({
  type: z.literal(COMPONENT_TYPE.button),
  id: componentId,
  style: integer(1, 6),
  label: text(L.buttonLabel).nullish(),
  emoji: emoji.nullish(),
  custom_id: customId.nullish(),
  url: uri(L.buttonUrl).nullish(),
  sku_id: z.string().nullish(),
  disabled: z.boolean().nullish(),
});

/** One option of a string select. */
export const SelectOptionSchema = z.looseObject({
  label: text(L.selectOptionLabel, 1),
  value: text(L.selectOptionValue, 1),
  description: text(L.selectOptionDescription).nullish(),
  emoji: emoji.nullish(),
  default: z.boolean().nullish(),
});

const selectBase = {
  id: componentId,
  custom_id: customId,
  placeholder: text(L.selectPlaceholder).nullish(),
  min_values: integer(0, L.selectMaxValues).nullish(),
  max_values: integer(1, L.selectMaxValues).nullish(),
  disabled: z.boolean().nullish(),
};

/** A string select (DOCS CMP "String Select"). */
export const StringSelectSchema = z.looseObject({
  type: z.literal(COMPONENT_TYPE.stringSelect),
  ...selectBase,
  options: list(SelectOptionSchema, L.selectOptions, 1),
});

function entitySelect<T extends number>(type: T) {
  return z.looseObject({ type: z.literal(type), ...selectBase });
}

/** Anything that may sit in an action row of a message, picked by `type` so errors keep their path. */
export const RowChildSchema = z.discriminatedUnion('type', [
  ButtonSchema,
  StringSelectSchema,
  entitySelect(COMPONENT_TYPE.userSelect),
  entitySelect(COMPONENT_TYPE.roleSelect),
  entitySelect(COMPONENT_TYPE.mentionableSelect),
  entitySelect(COMPONENT_TYPE.channelSelect),
]);

/** A legacy action row; the 1–5 children and width rules are checked in message-rules. */
export const ActionRowSchema = z.looseObject({
  type: z.literal(COMPONENT_TYPE.actionRow),
  id: componentId,
  components: z.array(RowChildSchema),
});

/** An action row after validation. */
export type ActionRowPayload = z.infer<typeof ActionRowSchema>;
/** A row child after validation. */
export type RowChildPayload = z.infer<typeof RowChildSchema>;
