/**
 * Which servers one process serves when the bot's gateway shards are split across processes
 * (LUMEN_SHARDS / LUMEN_SHARD_COUNT): Discord puts a server on shard `(guild_id >> 22) % count`
 * (docs/discord-facts.md §8; the emulator applies the same rule in
 * src/sandbox/emulator/state/bot-payloads.ts). A process delivers only its own servers' subscriptions: it has their channels and
 * permissions in its gateway cache, and the others' are another process's work.
 */
export interface ShardScope {
  /** The shards this process connects, each below `count`. */
  ids: readonly number[];
  /** How many shards the bot has in all. */
  count: number;
}

/** The shard a server's events arrive on. */
export function shardOfGuild(guildId: string, count: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

/** Whether a process with `scope` serves the server (every server when there is no scope). */
export function servesGuild(scope: ShardScope | undefined, guildId: string): boolean {
  return scope === undefined || scope.ids.includes(shardOfGuild(guildId, scope.count));
}
