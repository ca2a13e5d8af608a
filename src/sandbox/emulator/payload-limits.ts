import { DISCORD_API_LIMITS } from '../../render/discord-limits.js';

/**
 * Discord's documented limits for the emulator: the one table in src/render/discord-limits.ts, so the
 * renderer, the emulator and the tests cannot drift apart. tests/sandbox/payload-limits.test.ts
 * cross-checks them against @discordjs/builders.
 */
export const DISCORD_LIMITS = DISCORD_API_LIMITS;


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
