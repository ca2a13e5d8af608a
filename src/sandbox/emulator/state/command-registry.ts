import type { SnowflakeGenerator } from '../snowflake.js';
import type { CommandInput } from '../validation/validate-commands.js';

/** A registered application command as Discord returns it (DOCS AC "Application Command Object"). */
export interface ApiCommand {
  id: string;
  application_id: string;
  version: string;
  type: number;
  name: string;
  description: string;
  options?: CommandInput['options'];
  default_member_permissions: string | null;
  nsfw: boolean;
  contexts: number[] | null;
  integration_types: number[];
  guild_id?: string;
  [key: string]: unknown;
}

/** `global`, or a guild id. */
export type CommandScope = 'global' | (string & {});

/**
 * Commands registered by bulk overwrite, create, edit and delete. A bulk overwrite keeps the id of a
 * command whose name and type are unchanged, as Discord does, so existing interactions stay valid.
 */
export class CommandRegistry {
  readonly #scopes = new Map<CommandScope, ApiCommand[]>();
  readonly #ids: SnowflakeGenerator;
  readonly #applicationId: string;

  constructor(ids: SnowflakeGenerator, applicationId: string) {
    this.#ids = ids;
    this.#applicationId = applicationId;
  }

  overwrite(scope: CommandScope, commands: CommandInput[]): ApiCommand[] {
    const previous = this.list(scope);
    const next = commands.map((input) => {
      const same = previous.find((c) => c.name === input.name && c.type === input.type);
      return this.#build(scope, input, same?.id);
    });
    this.#scopes.set(scope, next);
    return next;
  }

  /** POST one command: replaces one with the same name and type. */
  upsert(scope: CommandScope, input: CommandInput): ApiCommand {
    const list = this.list(scope);
    const same = list.find((c) => c.name === input.name && c.type === input.type);
    const command = this.#build(scope, input, same?.id);
    this.#scopes.set(scope, [...list.filter((c) => c !== same), command]);
    return command;
  }

  /** PATCH one command: same id, new definition. */
  replace(scope: CommandScope, id: string, input: CommandInput): ApiCommand {
    const command = this.#build(scope, input, id);
    this.#scopes.set(scope, this.list(scope).map((c) => (c.id === id ? command : c)));
    return command;
  }

  remove(scope: CommandScope, id: string): boolean {
    const list = this.list(scope);
    this.#scopes.set(scope, list.filter((c) => c.id !== id));
    return list.some((c) => c.id === id);
  }

  list(scope: CommandScope): ApiCommand[] {
    return [...(this.#scopes.get(scope) ?? [])];
  }

  get(scope: CommandScope, id: string): ApiCommand | undefined {
    return this.#scopes.get(scope)?.find((c) => c.id === id);
  }

  /** The command a user would run by name in a guild: guild commands shadow global ones. */
  find(name: string, guildId: string, type = 1): ApiCommand | undefined {
    const match = (c: ApiCommand): boolean => c.name === name && c.type === type;
    return this.#scopes.get(guildId)?.find(match) ?? this.#scopes.get('global')?.find(match);
  }

  #build(scope: CommandScope, input: CommandInput, id?: string): ApiCommand {
    const { options, ...rest } = input;
    return {
      ...rest,
      id: id ?? this.#ids.next(),
      application_id: this.#applicationId,
      version: this.#ids.next(),
      type: input.type,
      name: input.name,
      description: input.description ?? '',
      ...(options && options.length > 0 ? { options } : {}),
      default_member_permissions: input.default_member_permissions ?? null,
      nsfw: input.nsfw ?? false,
      contexts: input.contexts ?? null,
      integration_types: input.integration_types ?? [0],
      ...(scope === 'global' ? {} : { guild_id: scope }),
    };
  }
}
