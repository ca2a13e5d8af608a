/**
 * Discord's documented limits, defined once for the renderer, the local Discord emulator and the tests
 * (docs/discord-facts.md §1–§5; the spec-derived ones name vendor/discord-api-spec). This module imports nothing.
 * Every renderer measures strings with `.length` (UTF-16 units), which is never less than Discord's own
 * count (code points), so staying within these numbers is always safe.
 */

/** Every limit, grouped by what it bounds; the emulator validates with these and tests cross-check them. */
export const DISCORD_API_LIMITS = {
  message: {
    content: 2000,
    embeds: 10,
    stickers: 3,
    attachments: 10,
    attachmentFilename: 1024,
    attachmentDescription: 1024,
    attachmentTitle: 1024,
    attachmentWaveform: 400,
    /** A nonce string (the spec: maxLength 25); integers are int64. */
    nonce: 25,
    /** How long Discord remembers a nonce for `enforce_nonce` (DOCS MSG Create Message: "the past few minutes"). */
    nonceWindowMs: 5 * 60_000,
    allowedMentionIds: 100,
  },
  embed: {
    title: 256,
    description: 4096,
    fields: 25,
    fieldName: 256,
    fieldValue: 1024,
    footerText: 2048,
    authorName: 256,
    /** Sum of title, description, field names and values, footer text and author name over all embeds. */
    totalCharacters: 6000,
    mediaDescription: 4096,
    mediaPlaceholder: 64,
    providerName: 256,
    /** The spec's RichEmbed `type` maxLength (an odd number, but Discord's own). */
    type: 152_133,
    /** Every embed URL (url, image, thumbnail, footer and author icons): the spec's `uri` maxLength. */
    url: 2048,
  },
  components: {
    actionRows: 5,
    buttonsPerRow: 5,
    selectsPerRow: 1,
    customId: 100,
    buttonLabel: 80,
    buttonUrl: 512,
    selectOptions: 25,
    selectOptionLabel: 100,
    selectOptionValue: 100,
    selectOptionDescription: 100,
    selectPlaceholder: 150,
    selectMaxValues: 25,
    /** IS_COMPONENTS_V2 messages may hold this many components in total. */
    componentsV2Total: 40,
    modalTitle: 45,
    textInputLabel: 45,
    textInputValue: 4000,
    textInputPlaceholder: 100,
    /** Top-level components of a modal (the spec's ModalInteractionCallbackRequestData: maxItems 40). */
    modalComponents: 40,
  },
  autocomplete: {
    choices: 25,
    choiceName: 100,
    choiceValue: 100,
  },
  command: {
    name: 32,
    description: 100,
    options: 25,
    choices: 25,
    choiceName: 100,
    choiceValue: 100,
    optionLength: 6000,
    totalCharacters: 8000,
    chatInputPerScope: 100,
    userPerScope: 15,
    messagePerScope: 15,
  },
  thread: {
    name: 100,
    /** Forum tags on one post (the spec: maxItems 5). */
    appliedTags: 5,
  },
  interaction: {
    /** The initial response must arrive within this many milliseconds. */
    initialResponseMs: 3_000,
    /** The interaction token (follow-ups, edits) lives this long. */
    tokenLifetimeMs: 15 * 60_000,
  },
  rateLimit: {
    globalPerSecond: 50,
  },
  gateway: {
    heartbeatIntervalMs: 41_250,
    sendsPerMinute: 120,
  },
} as const;

/** Choices in one autocomplete answer or one command option (docs/discord-facts.md §3, §4). */
export const DISCORD_MAX_CHOICES = DISCORD_API_LIMITS.autocomplete.choices;

const M = DISCORD_API_LIMITS.message;
const E = DISCORD_API_LIMITS.embed;
const K = DISCORD_API_LIMITS.components;

/** Limits of a message and its embeds, as the renderer reads them. */
export const MESSAGE_LIMITS = {
  content: M.content,
  embeds: M.embeds,
  title: E.title,
  description: E.description,
  fields: E.fields,
  fieldName: E.fieldName,
  fieldValue: E.fieldValue,
  footer: E.footerText,
  author: E.authorName,
  /** title + description + field names and values + footer + author, over all embeds of one message. */
  total: E.totalCharacters,
} as const;

/** Limits of message components (legacy action rows, not components v2). */
export const COMPONENT_LIMITS = {
  actionRows: K.actionRows,
  buttonsPerRow: K.buttonsPerRow,
  customId: K.customId,
  buttonLabel: K.buttonLabel,
  selectOptions: K.selectOptions,
  optionLabel: K.selectOptionLabel,
  optionValue: K.selectOptionValue,
  optionDescription: K.selectOptionDescription,
  placeholder: K.selectPlaceholder,
} as const;

/** Limits of autocomplete answers. */
export const AUTOCOMPLETE_LIMITS = {
  choices: DISCORD_MAX_CHOICES,
  choiceName: DISCORD_API_LIMITS.autocomplete.choiceName,
} as const;

/** The renderer's limits in one flat object, for checkers that want to iterate. */
export const DISCORD_LIMITS = { ...MESSAGE_LIMITS, ...COMPONENT_LIMITS, autocompleteChoices: DISCORD_MAX_CHOICES, choiceName: AUTOCOMPLETE_LIMITS.choiceName } as const;
