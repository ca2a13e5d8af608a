import type { z } from 'zod';
import { ApiError } from '../api-error.js';

/** One leaf error as Discord sends it inside a 50035 body. */
export interface FormError {
  code: string;
  message: string;
}

/** Discord's nested `errors` object: keys are JSON path segments (array indexes as strings), leaves hold `_errors`. */
export interface FormErrorTree {
  [key: string]: FormErrorTree | FormError[];
}

/** A path into the request body, e.g. `['data', 'embeds', 0, 'title']`. */
export type FormPath = ReadonlyArray<string | number>;

/** Discord's form-body error codes and their wording (third-party catalogues; see the report for what is unverified). */
export const formError = {
  required: (): FormError => ({ code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }),
  maxLength: (max: number): FormError => ({ code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` }),
  badLength: (min: number, max: number): FormError => ({
    code: 'BASE_TYPE_BAD_LENGTH',
    message: `Must be between ${min} and ${max} in length.`,
  }),
  choices: (choices: ReadonlyArray<string | number>): FormError => ({
    code: 'BASE_TYPE_CHOICES',
    message: `Value must be one of (${choices.map((c) => (typeof c === 'string' ? `'${c}'` : c)).join(', ')}).`,
  }),
  numberMax: (max: number): FormError => ({ code: 'NUMBER_TYPE_MAX', message: `int value should be less than or equal to ${max}.` }),
  numberMin: (min: number): FormError => ({ code: 'NUMBER_TYPE_MIN', message: `int value should be greater than or equal to ${min}.` }),
  embedTooLarge: (max: number): FormError => ({ code: 'MAX_EMBED_SIZE_EXCEEDED', message: `Embed size exceeds maximum size of ${max}` }),
  customIdDuplicated: (): FormError => ({ code: 'COMPONENT_CUSTOM_ID_DUPLICATED', message: 'Component custom id cannot be duplicated' }),
  layoutWidthExceeded: (): FormError => ({
    code: 'COMPONENT_LAYOUT_WIDTH_EXCEEDED',
    message: 'The specified component exceeds the maximum width',
  }),
  mentionsExclusive: (type: string): FormError => ({
    code: 'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
    message: `parse:["${type}"] and ${type}: [ids...] are mutually exclusive.`,
  }),
  invalidUrl: (): FormError => ({ code: 'URL_TYPE_INVALID_URL', message: 'Not a well formed URL.' }),
  invalidDateTime: (value: string): FormError => ({ code: 'DATE_TIME_TYPE_PARSE', message: `Could not parse ${value}. Should be ISO8601.` }),
  notAllowed: (): FormError => ({ code: 'COMPONENT_FIELD_NOT_ALLOWED', message: 'This field is not allowed for this component type.' }),
  optionValueDuplicated: (): FormError => ({ code: 'SELECT_COMPONENT_OPTION_VALUE_DUPLICATED', message: 'Component option value cannot be duplicated' }),
  componentsV2LegacyFields: (): FormError => ({
    code: 'MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2',
    message: 'The \'content\' and \'embeds\' fields cannot be used when using MessageFlags.IS_COMPONENTS_V2',
  }),
  invalidCommandName: (): FormError => ({ code: 'APPLICATION_COMMAND_INVALID_NAME', message: 'Command name is invalid' }),
  invalidType: (expected: string): FormError => typeErrors[expected] ?? { code: 'MODEL_TYPE_CONVERT', message: 'Invalid value.' },
};

const typeErrors: Record<string, FormError> = {
  string: { code: 'BASE_TYPE_STRING', message: 'Must be a string.' },
  number: { code: 'NUMBER_TYPE_COERCE', message: 'Value is not a number.' },
  int: { code: 'NUMBER_TYPE_COERCE', message: 'Value is not int.' },
  boolean: { code: 'BASE_TYPE_BOOLEAN', message: 'Must be either true or false.' },
  array: { code: 'BASE_TYPE_ARRAY', message: 'Must be an array.' },
  object: { code: 'MODEL_TYPE_CONVERT', message: 'Only dictionaries may be used in a ModelType' },
};

/**
 * Collects field errors into Discord's nested shape and throws one 50035 at the end, so a body with
 * several problems reports them all at once, as Discord does.
 */
export class FormErrors {
  readonly #tree: FormErrorTree = {};
  #count = 0;

  get isEmpty(): boolean {
    return this.#count === 0;
  }

  /**
   * Adds an error at `path`. A node holds either `_errors` or children, never both (the spec's InnerErrors
   * allows no other key): an error on a whole field replaces errors inside it, and errors inside a field
   * that already has its own are dropped.
   */
  add(path: FormPath, error: FormError): void {
    let node = this.#tree;
    for (const [index, segment] of path.entries()) {
      if (index > 0 && Array.isArray(node._errors)) return;
      const key = String(segment);
      const next = node[key];
      if (next === undefined || Array.isArray(next)) {
        const created: FormErrorTree = {};
        node[key] = created;
        node = created;
      } else {
        node = next;
      }
    }
    if (path.length > 0 && Array.isArray(node._errors) === false && Object.keys(node).length > 0) {
      for (const key of Object.keys(node)) delete node[key];
    }
    const leaf = node._errors;
    if (Array.isArray(leaf)) leaf.push(error);
    else node._errors = [error];
    this.#count += 1;
  }

  /** Adds every zod issue under `prefix`, translating codes to Discord's. */
  addZodIssues(issues: readonly z.core.$ZodIssue[], prefix: FormPath = []): void {
    for (const issue of issues) {
      const path = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
      this.add(path, translateIssue(issue));
    }
  }

  toJSON(): FormErrorTree {
    return this.#tree;
  }

  /** Throws 400/50035 if anything was collected. */
  throwIfAny(): void {
    if (!this.isEmpty) throw new ApiError(50035, this.#tree);
  }
}

function translateIssue(issue: z.core.$ZodIssue): FormError {
  if (issue.code === 'custom' && isFormError(issue.params?.discord)) return issue.params.discord;
  if (issue.code === 'invalid_type') return issue.input === undefined ? formError.required() : formError.invalidType(issue.expected);
  if (issue.code === 'too_big') {
    return issue.origin === 'number' || issue.origin === 'int' ? formError.numberMax(Number(issue.maximum)) : formError.maxLength(Number(issue.maximum));
  }
  if (issue.code === 'too_small') {
    return issue.origin === 'number' || issue.origin === 'int' ? formError.numberMin(Number(issue.minimum)) : formError.badLength(Number(issue.minimum), Number.MAX_SAFE_INTEGER);
  }
  if (issue.code === 'invalid_union' && 'options' in issue && Array.isArray(issue.options)) {
    return formError.choices(issue.options.map((v: unknown) => (typeof v === 'number' ? v : String(v))));
  }
  if (issue.code === 'invalid_value') return formError.choices(issue.values.map((v) => (typeof v === 'number' ? v : String(v))));
  return { code: 'MODEL_TYPE_CONVERT', message: issue.message };
}

function isFormError(value: unknown): value is FormError {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value;
}
