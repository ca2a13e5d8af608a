import { z } from 'zod';
import { ApiError } from '../api-error.js';
import { DISCORD_LIMITS } from '../payload-limits.js';
import { lengthOf } from './discord-zod.js';
import { formError, FormErrors, type FormPath } from './form-errors.js';

const L = DISCORD_LIMITS.command;

/** CHAT_INPUT command and option names (DOCS AC "Application Command Naming"). */
export const COMMAND_NAME_PATTERN = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** Application command types: 1 CHAT_INPUT, 2 USER, 3 MESSAGE, 4 PRIMARY_ENTRY_POINT. */
export const COMMAND_TYPE = { chatInput: 1, user: 2, message: 3, primaryEntryPoint: 4 } as const;

/** Option types (DOCS AC "Application Command Option Type"). */
export const OPTION_TYPE = {
  subcommand: 1,
  subcommandGroup: 2,
  string: 3,
  integer: 4,
  boolean: 5,
  user: 6,
  channel: 7,
  role: 8,
  mentionable: 9,
  number: 10,
  attachment: 11,
} as const;

/** Locales Discord accepts as localization keys (DOCS REF "Locales"). */
export const DISCORD_LOCALES = [
  'ar', 'bg', 'cs', 'da', 'de', 'el', 'en-GB', 'en-US', 'es-419', 'es-ES', 'fi', 'fr', 'he', 'hi', 'hr', 'hu', 'id', 'it',
  'ja', 'ko', 'lt', 'nl', 'no', 'pl', 'pt-BR', 'ro', 'ru', 'sv-SE', 'th', 'tr', 'uk', 'vi', 'zh-CN', 'zh-TW',
] as const;

/** Interaction contexts (0 guild, 1 bot DM, 2 private channel) and installation types (0 guild, 1 user). */
const CONTEXTS = [0, 1, 2] as const;
const INTEGRATION_TYPES = [0, 1] as const;
/** Channel types an option's `channel_types` may name (DOCS `resources/channel` "Channel Types"). */
const CHANNEL_TYPES = [0, 1, 2, 3, 4, 5, 10, 11, 12, 13, 14, 15, 16] as const;

const localizations = z
  .record(z.string(), z.string().nullish())
  .superRefine((value, ctx) => {
    for (const key of Object.keys(value)) {
      if (!(DISCORD_LOCALES as readonly string[]).includes(key)) {
        ctx.addIssue({ code: 'custom', path: [key], message: 'invalid locale', params: { discord: { code: 'BASE_TYPE_CHOICES', message: `Value must be one of (${DISCORD_LOCALES.map((l) => `'${l}'`).join(', ')}).` } } });
      }
    }
  })
  .nullish();

const OptionShape = z.looseObject({
  type: z.number().int(),
  name: z.string(),
  description: z.string().nullish(),
  required: z.boolean().nullish(),
  autocomplete: z.boolean().nullish(),
  choices: z.array(z.looseObject({ name: z.string(), value: z.union([z.string(), z.number()]) })).nullish(),
  options: z.array(z.unknown()).nullish(),
  min_length: z.number().int().nullish(),
  max_length: z.number().int().nullish(),
  channel_types: z.array(z.literal(CHANNEL_TYPES)).nullish(),
  min_value: z.number().nullish(),
  max_value: z.number().nullish(),
  name_localizations: localizations,
  description_localizations: localizations,
});

/** A command option after validation (recursive for subcommands). */
export interface CommandOption {
  type: number;
  name: string;
  description?: string | null;
  required?: boolean | null;
  autocomplete?: boolean | null;
  choices?: Array<{ name: string; value: string | number }> | null;
  options?: CommandOption[] | null;
  min_length?: number | null;
  max_length?: number | null;
  channel_types?: number[] | null;
  min_value?: number | null;
  max_value?: number | null;
  [key: string]: unknown;
}

const CommandShape = z.looseObject({
  name: z.string(),
  type: z.number().int().nullish(),
  description: z.string().nullish(),
  options: z.array(z.unknown()).nullish(),
  default_member_permissions: z.string().regex(/^\d+$/).nullish(),
  nsfw: z.boolean().nullish(),
  contexts: z.array(z.literal(CONTEXTS)).nullish(),
  // PRIMARY_ENTRY_POINT commands: 1 app handler, 2 Discord launches the activity.
  handler: z.literal([1, 2]).nullish(),
  integration_types: z.array(z.literal(INTEGRATION_TYPES)).nullish(),
  name_localizations: localizations,
  description_localizations: localizations,
});

/** A command as a bot registers it, after validation. */
export interface CommandInput {
  name: string;
  type: number;
  description?: string | null;
  options?: CommandOption[] | null;
  default_member_permissions?: string | null;
  nsfw?: boolean | null;
  contexts?: number[] | null;
  integration_types?: number[] | null;
  [key: string]: unknown;
}

/**
 * Validates a bulk-overwrite body (an array of commands) like Discord: 400/50035 with errors keyed by
 * command index (`0.name[APPLICATION_COMMAND_INVALID_NAME]`), and 30032 past the per-scope maximum.
 */
export function validateCommands(body: unknown): CommandInput[] {
  const errors = new FormErrors();
  if (!Array.isArray(body)) {
    errors.add([], formError.invalidType('array'));
    errors.throwIfAny();
  }
  const commands = (body as unknown[]).map((raw, index) => validateCommand(raw, [index], errors));
  checkDuplicates(commands, errors);
  errors.throwIfAny();
  const valid = commands.filter((c): c is CommandInput => c !== undefined);
  const countOf = (type: number) => valid.filter((c) => c.type === type).length;
  if (countOf(1) > L.chatInputPerScope || countOf(2) > L.userPerScope || countOf(3) > L.messagePerScope) throw new ApiError(30032);
  return valid;
}

/** Validates one command (POST or PATCH of a single command uses this too). */
export function validateCommand(raw: unknown, path: FormPath, errors: FormErrors): CommandInput | undefined {
  const parsed = CommandShape.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    errors.addZodIssues(parsed.error.issues, path);
    return undefined;
  }
  const type = parsed.data.type ?? COMMAND_TYPE.chatInput;
  const command = { ...parsed.data, type } as unknown as CommandInput;
  const isChatInput = type === COMMAND_TYPE.chatInput;
  if (![1, 2, 3, 4].includes(type)) errors.add([...path, 'type'], formError.choices([1, 2, 3, 4]));
  checkName(command.name, isChatInput, [...path, 'name'], errors);
  const description = command.description ?? '';
  if (isChatInput && (lengthOf(description) < 1 || lengthOf(description) > L.description)) {
    errors.add([...path, 'description'], formError.badLength(1, L.description));
  } else if (!isChatInput && description !== '') {
    errors.add([...path, 'description'], formError.maxLength(0));
  }
  if (isChatInput) command.options = checkOptions(parsed.data.options ?? [], [...path, 'options'], errors, 0);
  if (commandSize(command) > L.totalCharacters) {
    errors.add(path, { code: 'APPLICATION_COMMAND_TOO_LARGE', message: `Command exceeds maximum size (${L.totalCharacters})` });
  }
  return command;
}

function checkName(name: string, strict: boolean, path: FormPath, errors: FormErrors): void {
  const n = lengthOf(name);
  if (n < 1 || n > L.name) errors.add(path, formError.badLength(1, L.name));
  else if (strict && (!COMMAND_NAME_PATTERN.test(name) || name !== name.toLowerCase())) errors.add(path, formError.invalidCommandName());
}

function checkOptions(raw: unknown[], path: FormPath, errors: FormErrors, depth: number): CommandOption[] {
  if (raw.length > L.options) errors.add(path, formError.maxLength(L.options));
  const options: CommandOption[] = [];
  const names = new Set<string>();
  let seenOptional = false;
  raw.forEach((item, index) => {
    const at = [...path, index];
    const parsed = OptionShape.safeParse(item, { reportInput: true });
    if (!parsed.success) {
      errors.addZodIssues(parsed.error.issues, at);
      return;
    }
    const option = parsed.data as unknown as CommandOption;
    checkOption(option, at, errors, depth);
    if (names.has(option.name)) {
      errors.add([...at, 'name'], { code: 'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS', message: 'Option names must be unique' });
    }
    names.add(option.name);
    if (option.required && seenOptional) {
      errors.add([...at, 'required'], {
        code: 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
        message: 'Required options must be placed before non-required options',
      });
    }
    if (!option.required) seenOptional = true;
    options.push(option);
  });
  return options;
}

function checkOption(option: CommandOption, at: FormPath, errors: FormErrors, depth: number): void {
  if (option.type < 1 || option.type > 11) errors.add([...at, 'type'], formError.choices(Object.values(OPTION_TYPE)));
  checkName(option.name, true, [...at, 'name'], errors);
  const description = option.description ?? '';
  if (lengthOf(description) < 1 || lengthOf(description) > L.description) errors.add([...at, 'description'], formError.badLength(1, L.description));
  const choices = option.choices ?? [];
  if (choices.length > L.choices) errors.add([...at, 'choices'], formError.maxLength(L.choices));
  const valueType = option.type === OPTION_TYPE.string ? 'string' : option.type === OPTION_TYPE.integer || option.type === OPTION_TYPE.number ? 'number' : undefined;
  choices.forEach((choice, index) => {
    // A choice's value has its option's type: strings for STRING, integers for INTEGER, numbers for NUMBER.
    const valueOk = valueType === undefined || (typeof choice.value === valueType && (option.type !== OPTION_TYPE.integer || Number.isInteger(choice.value)));
    if (!valueOk) errors.add([...at, 'choices', index, 'value'], formError.invalidType(option.type === OPTION_TYPE.string ? 'string' : option.type === OPTION_TYPE.integer ? 'int' : 'number'));
    if (lengthOf(choice.name) < 1 || lengthOf(choice.name) > L.choiceName) errors.add([...at, 'choices', index, 'name'], formError.badLength(1, L.choiceName));
    if (typeof choice.value === 'string' && lengthOf(choice.value) > L.choiceValue) errors.add([...at, 'choices', index, 'value'], formError.maxLength(L.choiceValue));
  });
  if (option.autocomplete && choices.length > 0) {
    errors.add([...at, 'autocomplete'], { code: 'APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_AND_CHOICES', message: 'Autocomplete cannot be used with choices' });
  }
  for (const [key, min] of [['min_length', 0], ['max_length', 1]] as const) {
    const value = option[key];
    if (value === undefined || value === null) continue;
    if (value > L.optionLength) errors.add([...at, key], formError.numberMax(L.optionLength));
    else if (value < min) errors.add([...at, key], formError.numberMin(min));
  }
  if (typeof option.min_value === 'number' && typeof option.max_value === 'number' && option.min_value > option.max_value) {
    errors.add([...at, 'min_value'], formError.numberMax(option.max_value));
  }
  if (typeof option.min_length === 'number' && typeof option.max_length === 'number' && option.min_length > option.max_length) {
    errors.add([...at, 'min_length'], formError.numberMax(option.max_length));
  }
  const isGroup = option.type === OPTION_TYPE.subcommandGroup;
  const isSub = option.type === OPTION_TYPE.subcommand;
  if (isGroup || isSub) {
    if (depth >= (isGroup ? 1 : 2)) errors.add([...at, 'type'], { code: 'APPLICATION_COMMAND_OPTION_TYPE_INVALID', message: 'Subcommands nested too deeply' });
    option.options = checkOptions(option.options ?? [], [...at, 'options'], errors, depth + 1);
    option.options.forEach((child, index) => {
      const ok = isGroup ? child.type === OPTION_TYPE.subcommand : child.type > OPTION_TYPE.subcommandGroup;
      if (!ok) errors.add([...at, 'options', index, 'type'], { code: 'APPLICATION_COMMAND_OPTION_TYPE_INVALID', message: 'Invalid option type for this parent' });
    });
  }
}

function checkDuplicates(commands: Array<CommandInput | undefined>, errors: FormErrors): void {
  const seen = new Set<string>();
  commands.forEach((command, index) => {
    if (!command) return;
    const key = `${command.type}:${command.name}`;
    if (seen.has(key)) errors.add([index, 'name'], { code: 'APPLICATION_COMMANDS_DUPLICATE_NAME', message: 'Application command names must be unique' });
    seen.add(key);
  });
}

/** Characters that count toward the 8000 limit: names, descriptions, choice names and values, recursively. */
function commandSize(command: { name: string; description?: string | null; options?: CommandOption[] | null }): number {
  const optionSize = (option: CommandOption): number =>
    lengthOf(option.name) +
    lengthOf(option.description ?? '') +
    (option.choices ?? []).reduce((sum, c) => sum + lengthOf(c.name) + lengthOf(String(c.value)), 0) +
    (option.options ?? []).reduce((sum, o) => sum + optionSize(o), 0);
  return lengthOf(command.name) + lengthOf(command.description ?? '') + (command.options ?? []).reduce((sum, o) => sum + optionSize(o), 0);
}
