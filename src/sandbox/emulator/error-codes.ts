/**
 * Discord JSON error codes the emulator answers with, and the HTTP status and message that
 * Discord pairs with each (DOCS `topics/opcodes-and-status-codes`, REF "Error Messages").
 */
export const DISCORD_ERRORS = {
  0: { status: 404, message: '404: Not Found' },
  10003: { status: 404, message: 'Unknown Channel' },
  10004: { status: 404, message: 'Unknown Guild' },
  10007: { status: 404, message: 'Unknown Member' },
  10008: { status: 404, message: 'Unknown Message' },
  10013: { status: 404, message: 'Unknown User' },
  10015: { status: 404, message: 'Unknown Webhook' },
  10062: { status: 404, message: 'Unknown interaction' },
  10063: { status: 404, message: 'Unknown application command' },
  30032: { status: 400, message: 'Maximum number of application commands reached' },
  40001: { status: 401, message: 'Unauthorized' },
  40060: { status: 400, message: 'Interaction has already been acknowledged.' },
  50001: { status: 403, message: 'Missing Access' },
  50005: { status: 403, message: 'Cannot edit a message authored by another user' },
  50006: { status: 400, message: 'Cannot send an empty message' },
  50008: { status: 400, message: 'Cannot send messages in a non-text channel' },
  50013: { status: 403, message: 'Missing Permissions' },
  50024: { status: 400, message: 'Cannot execute action on this channel type' },
  50027: { status: 401, message: 'Invalid Webhook Token' },
  50035: { status: 400, message: 'Invalid Form Body' },
  50109: { status: 400, message: 'The request body contains invalid JSON.' },
  // 403 with this text as bots report it (e.g. Voxel-Fox-Ltd/Flower issue 63); docs/discord-facts-addenda.md §A2.
  160002: { status: 403, message: 'Cannot reply without permission to read message history' },
  160004: { status: 400, message: 'A thread has already been created for this message' },
} as const satisfies Record<number, { status: number; message: string }>;

/** A JSON error code the emulator knows. */
export type DiscordErrorCode = keyof typeof DISCORD_ERRORS;

/** Whether `code` is in the table, so a fault can be injected by code alone. */
export function isKnownErrorCode(code: number): code is DiscordErrorCode {
  return Object.hasOwn(DISCORD_ERRORS, code);
}
