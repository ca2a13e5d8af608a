/**
 * Discord's documented limits, in one place (see /work/shared/discord-facts.md §1–§5).
 * Validation, rate limiting and interaction deadlines all read from here, and
 * tests/sandbox/payload-limits.test.ts cross-checks them against @discordjs/builders.
 */
export const DISCORD_LIMITS = {
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

/** The largest int32: the spec's bound on component ids, durations and placeholder versions. */
export const MAX_INT32 = 2_147_483_647;

/** Message flags the emulator reads (DOCS MSG "Message Flags"). */
export const MESSAGE_FLAGS = {
  suppressEmbeds: 1 << 2,
  hasThread: 1 << 5,
  ephemeral: 1 << 6,
  loading: 1 << 7,
  suppressNotifications: 1 << 12,
  isVoiceMessage: 1 << 13,
  isComponentsV2: 1 << 15,
} as const;
