/**
 * Builders for buttons, selects and action rows, with labels cut to Discord's limits.
 */
import { COMPONENT_LIMITS as C } from './discord-limits.js';
import { encodeCustomId, type CustomIdAction } from '../interaction-ids/custom-ids.js';
import type { ApiActionRow, ApiButton, ApiSelectOption, ApiStringSelect, ButtonStyle, MessagePayload } from './message-payload.js';
import { plainText } from './safe-text.js';
import { truncateLabel } from './truncate-text.js';

/** Button styles by name (link buttons, style 5, are not used: every button here carries state). */
export const STYLE = { primary: 1, secondary: 2, success: 3, danger: 4 } as const satisfies Record<string, ButtonStyle>;

/** A button that triggers `action`. */
export function actionButton(label: string, action: CustomIdAction, style: ButtonStyle = STYLE.secondary, disabled = false): ApiButton {
  const button: ApiButton = { type: 2, style, label: truncateLabel(plainText(label), C.buttonLabel), custom_id: encodeCustomId(action) };
  if (disabled) button.disabled = true;
  return button;
}

/** A string select; options beyond 25 are dropped (callers say so in the placeholder). */
export function stringSelect(action: CustomIdAction, placeholder: string, options: ApiSelectOption[]): ApiStringSelect {
  return {
    type: 3,
    custom_id: encodeCustomId(action),
    placeholder: truncateLabel(plainText(placeholder), C.placeholder),
    options: options.slice(0, C.selectOptions),
    min_values: 1,
    max_values: 1,
  };
}

/** A select option with its label and description cut to 100 characters. */
export function selectOption(label: string, value: string, description?: string): ApiSelectOption {
  const option: ApiSelectOption = { label: truncateLabel(plainText(label), C.optionLabel) || value, value };
  const shortDescription = description ? truncateLabel(plainText(description), C.optionDescription) : '';
  if (shortDescription) option.description = shortDescription;
  return option;
}

/** Buttons in rows of five, at most `maxRows` rows; buttons that do not fit are dropped. */
export function buttonRows(buttons: readonly ApiButton[], maxRows: number = C.actionRows): ApiActionRow[] {
  const rows: ApiActionRow[] = [];
  for (let i = 0; i < buttons.length && rows.length < maxRows; i += C.buttonsPerRow) {
    rows.push({ type: 1, components: buttons.slice(i, i + C.buttonsPerRow) });
  }
  return rows;
}

/** A row with one select. */
export function selectRow(select: ApiStringSelect): ApiActionRow {
  return { type: 1, components: [select] };
}

/** The messages with `rows` under the last one (where a reader ends up). */
export function withComponentsOnLast(messages: MessagePayload[], rows: readonly ApiActionRow[]): MessagePayload[] {
  const last = messages[messages.length - 1];
  if (last) last.components = rows.slice(0, C.actionRows);
  return messages;
}
