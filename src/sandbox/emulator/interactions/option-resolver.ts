import type { EmulatorContext } from '../emulator-context.js';
import { apiChannel, apiMember, apiRole, apiUser } from '../state/api-objects.js';
import type { FileSpec } from '../state/attachment-store.js';
import type { ApiCommand } from '../state/command-registry.js';
import { OPTION_TYPE, type CommandOption } from '../validation/validate-commands.js';

/** A value a test gives for an option: names resolve to ids for users, roles and channels; files become attachments. */
export type OptionValue = string | number | boolean | FileSpec;

/** An option as Discord sends it inside `data.options`. */
export interface InteractionOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  options?: InteractionOption[];
  focused?: boolean;
}

/** The `data` of an application command interaction, minus id/name/type. */
export interface ResolvedOptions {
  options: InteractionOption[];
  resolved: Record<string, Record<string, unknown>>;
}

/**
 * Turns `{ channel: 'briefings', file: {filename, data} }` into Discord's typed options and `resolved`
 * map, checking them against the registered definition the way Discord's client would
 * (required options, choices, channel types, numeric ranges). Misuse throws: the real UI could not send it.
 */
export class OptionResolver {
  readonly #ctx: EmulatorContext;
  readonly #resolved: Record<string, Record<string, unknown>> = {};
  readonly #invokerId: string;
  readonly #focused: string | undefined;

  constructor(ctx: EmulatorContext, invokerId: string, focused?: string) {
    this.#ctx = ctx;
    this.#invokerId = invokerId;
    this.#focused = focused;
  }

  /** Resolves `name` ('cmd', 'cmd sub' or 'cmd group sub') and option values against `command`. */
  resolve(command: ApiCommand, path: string[], values: Record<string, OptionValue>): ResolvedOptions {
    let definitions = command.options ?? [];
    const wrappers: Array<{ name: string; type: number }> = [];
    for (const part of path) {
      const sub = definitions.find((o) => o.name === part && (o.type === OPTION_TYPE.subcommand || o.type === OPTION_TYPE.subcommandGroup));
      if (!sub) throw new Error(`LocalDiscord: /${command.name} has no subcommand "${part}"`);
      wrappers.push({ name: sub.name, type: sub.type });
      definitions = sub.options ?? [];
    }
    if (definitions.some((o) => o.type === OPTION_TYPE.subcommand || o.type === OPTION_TYPE.subcommandGroup)) {
      throw new Error(`LocalDiscord: /${[command.name, ...path].join(' ')} needs a subcommand`);
    }
    let options = this.#leaves(definitions, values, command.name);
    for (const wrapper of wrappers.reverse()) options = [{ ...wrapper, options }];
    return { options, resolved: this.#resolved };
  }

  #leaves(definitions: CommandOption[], values: Record<string, OptionValue>, commandName: string): InteractionOption[] {
    for (const name of Object.keys(values)) {
      if (!definitions.some((d) => d.name === name)) throw new Error(`LocalDiscord: /${commandName} has no option "${name}"`);
    }
    const result: InteractionOption[] = [];
    for (const definition of definitions) {
      const value = values[definition.name];
      if (definition.name === this.#focused) {
        result.push({ name: definition.name, type: definition.type, value: String(value ?? ''), focused: true });
      } else if (value !== undefined) {
        result.push({ name: definition.name, type: definition.type, value: this.#convert(definition, value, commandName) });
      } else if (definition.required && this.#focused === undefined) {
        throw new Error(`LocalDiscord: /${commandName} needs option "${definition.name}"`);
      }
    }
    return result;
  }

  #convert(definition: CommandOption, value: OptionValue, commandName: string): string | number | boolean {
    const where = `/${commandName} ${definition.name}`;
    const { guild } = this.#ctx;
    switch (definition.type) {
      case OPTION_TYPE.string:
        return this.#choice(definition, String(value), where);
      case OPTION_TYPE.integer:
      case OPTION_TYPE.number: {
        const n = this.#choice(definition, Number(value), where);
        if (Number.isNaN(n) || (definition.type === OPTION_TYPE.integer && !Number.isInteger(n))) throw new Error(`LocalDiscord: ${where} needs a number`);
        if ((definition.min_value != null && n < definition.min_value) || (definition.max_value != null && n > definition.max_value)) {
          throw new Error(`LocalDiscord: ${where} is out of range`);
        }
        return n;
      }
      case OPTION_TYPE.boolean:
        return value === true || value === 'true';
      case OPTION_TYPE.user:
        return this.#user(guild.resolveUserId(String(value)));
      case OPTION_TYPE.role:
        return this.#role(guild.resolveRoleId(String(value)));
      case OPTION_TYPE.mentionable:
        try {
          return this.#user(guild.resolveUserId(String(value)));
        } catch {
          return this.#role(guild.resolveRoleId(String(value)));
        }
      case OPTION_TYPE.channel:
        return this.#channel(guild.resolveChannelId(String(value)), definition, where);
      case OPTION_TYPE.attachment:
        return this.#attachment(value, where);
      default:
        throw new Error(`LocalDiscord: ${where} has unsupported type ${definition.type}`);
    }
  }

  #choice<T extends string | number>(definition: CommandOption, value: T, where: string): T {
    const choices = definition.choices ?? [];
    if (choices.length === 0) {
      if (typeof value === 'string' && definition.max_length != null && value.length > definition.max_length) throw new Error(`LocalDiscord: ${where} is too long`);
      if (typeof value === 'string' && definition.min_length != null && value.length < definition.min_length) throw new Error(`LocalDiscord: ${where} is too short`);
      return value;
    }
    const match = choices.find((c) => c.value === value) ?? choices.find((c) => c.name === String(value));
    if (!match) throw new Error(`LocalDiscord: ${where} must be one of ${choices.map((c) => c.value).join(', ')}`);
    return match.value as T;
  }

  #user(id: string): string {
    const { guild } = this.#ctx;
    const member = guild.member(id);
    this.#put('users', id, apiUser(guild.user(id)!));
    if (member) this.#put('members', id, apiMember(member, undefined, guild.guildPermissions(id)));
    return id;
  }

  #role(id: string): string {
    this.#put('roles', id, apiRole(this.#ctx.guild.role(id)!));
    return id;
  }

  #channel(id: string, definition: CommandOption, where: string): string {
    const channel = this.#ctx.guild.channel(id)!;
    if (definition.channel_types && definition.channel_types.length > 0 && !definition.channel_types.includes(channel.type)) {
      throw new Error(`LocalDiscord: ${where} does not accept #${channel.name} (type ${channel.type})`);
    }
    this.#put('channels', id, apiChannel(channel, this.#ctx.guild.permissionsIn(this.#invokerId, id)));
    return id;
  }

  #attachment(value: OptionValue, where: string): string {
    if (typeof value !== 'object') throw new Error(`LocalDiscord: ${where} needs a file ({ filename, data })`);
    const attachment = this.#ctx.attachments.put(value, { ephemeral: true });
    this.#put('attachments', attachment.id, attachment);
    return attachment.id;
  }

  #put(kind: string, id: string, value: Record<string, unknown>): void {
    const map = this.#resolved[kind] ?? {};
    map[id] = value;
    this.#resolved[kind] = map;
  }
}
