import { PermissionFlagsBits } from 'discord-api-types/v10';
import type { EmulatorContext } from '../emulator-context.js';
import type { FileSpec } from '../state/attachment-store.js';
import { has } from '../state/permissions.js';
import type { StoredMessage } from '../state/stored-message.js';
import { findComponent, type ComponentTarget } from './find-component.js';
import { InteractionBuilder, type Invocation } from './interaction-builder.js';
import { InteractionHandle } from './interaction-handle.js';
import { OptionResolver, type OptionValue } from './option-resolver.js';

/** Who, where and in which language: shared by every kind of interaction. */
export interface InvokeAs {
  /** Username or id; default `admin` (for components on an ephemeral reply: whoever got the reply). */
  user?: string;
  /** Channel name or id; default `general`. */
  channel?: string;
  locale?: string;
}

/** A slash command as a user would type it. */
export interface SlashCommandInput extends InvokeAs {
  /** `briefing`, or with a subcommand `briefing latest`, or `admin briefing publish`. */
  name: string;
  options?: Record<string, OptionValue>;
  /** Files for ATTACHMENT options, by option name (may also be given in `options`). */
  attachments?: Record<string, FileSpec>;
  /** Skip the default_member_permissions / USE_APPLICATION_COMMANDS check Discord's client makes. */
  skipPermissionCheck?: boolean;
}

/** An autocomplete request: `focused` names the option being typed in, its text is `options[focused]`. */
export interface AutocompleteInput extends Omit<SlashCommandInput, 'attachments'> {
  focused: string;
}

/** A choice the bot suggested. */
export interface AutocompleteChoice {
  name: string;
  value: string | number;
}

/**
 * Plays the user's side: builds realistic INTERACTION_CREATE payloads from the registered commands
 * and recorded messages, dispatches them over the gateway, and hands back a handle to await the bot.
 */
export class InteractionDriver {
  readonly #ctx: EmulatorContext;
  readonly #builder: InteractionBuilder;
  readonly #dispatch: (t: string, d: unknown) => number;

  constructor(ctx: EmulatorContext, dispatch: (t: string, d: unknown) => number) {
    this.#ctx = ctx;
    this.#builder = new InteractionBuilder(ctx);
    this.#dispatch = dispatch;
  }

  /** Runs a chat-input command; resolves once dispatched (await `handle.response()` for the bot's answer). */
  slashCommand(input: SlashCommandInput): InteractionHandle {
    const who = this.#who(input);
    const [commandName = '', ...path] = input.name.trim().split(/\s+/);
    const command = this.#ctx.commands.find(commandName, this.#ctx.guild.id);
    if (!command) throw new Error(`LocalDiscord: no command /${commandName} is registered (did the bot register its commands?)`);
    if (!input.skipPermissionCheck) this.#checkCanUse(who, command.default_member_permissions, commandName);
    const values = { ...input.options, ...input.attachments };
    const { options, resolved } = new OptionResolver(this.#ctx, who.userId).resolve(command, path, values);
    const data = { id: command.id, name: command.name, type: 1, ...(command.guild_id ? { guild_id: command.guild_id } : {}), options, ...(Object.keys(resolved).length > 0 ? { resolved } : {}) };
    return this.#send(this.#builder.build(2, who, data));
  }

  /** Asks the bot for autocomplete choices; resolves to what it answered (type 8). */
  async autocomplete(input: AutocompleteInput): Promise<AutocompleteChoice[]> {
    const who = this.#who(input);
    const [commandName = '', ...path] = input.name.trim().split(/\s+/);
    const command = this.#ctx.commands.find(commandName, this.#ctx.guild.id);
    if (!command) throw new Error(`LocalDiscord: no command /${commandName} is registered`);
    const { options } = new OptionResolver(this.#ctx, who.userId, input.focused).resolve(command, path, input.options ?? {});
    const data = { id: command.id, name: command.name, type: 1, ...(command.guild_id ? { guild_id: command.guild_id } : {}), options };
    const response = await this.#send(this.#builder.build(4, who, data)).response();
    return ((response.data as { choices?: AutocompleteChoice[] } | undefined)?.choices ?? []) as AutocompleteChoice[];
  }

  /**
   * Runs a message context-menu command (application command type 3) on a recorded message, as
   * a user would by right-clicking it and choosing Apps → `name`.
   */
  messageCommand(input: InvokeAs & { name: string; message: StoredMessage | string }): InteractionHandle {
    const message = typeof input.message === 'string' ? this.#ctx.messages.get(input.message) : input.message;
    if (!message || message.deleted || message.ephemeral) throw new Error('LocalDiscord: a message command needs a visible, recorded message');
    const who = this.#who({ ...input, channel: message.channelId });
    const command = this.#ctx.commands.find(input.name, this.#ctx.guild.id, 3);
    if (!command) throw new Error(`LocalDiscord: no message command "${input.name}" is registered`);
    this.#checkCanUse(who, command.default_member_permissions, input.name);
    const data = {
      id: command.id,
      name: command.name,
      type: 3,
      ...(command.guild_id ? { guild_id: command.guild_id } : {}),
      target_id: message.id,
      resolved: { messages: { [message.id]: message.data } },
    };
    return this.#send(this.#builder.build(2, who, data));
  }

  /**
   * Submits the modal the bot opened (callback type 9) on `opened`, filling its text inputs by
   * custom_id (inputs left out are sent empty). Throws if the bot answered with no modal.
   */
  submitModal(opened: InteractionHandle, values: Record<string, string>): InteractionHandle {
    const record = opened.record;
    const modal = record.callbackType === 9 ? (record.callbackData as { custom_id?: string; components?: unknown[] } | undefined) : undefined;
    if (!modal?.custom_id) throw new Error(`LocalDiscord: interaction ${record.id} did not open a modal`);
    // A text input sits in an action row (`components`) or, in newer modals, a label (`component`).
    type Input = { type?: number; custom_id?: string };
    type Row = { components?: Input[]; component?: Input };
    const inputs = (modal.components as Row[] | undefined ?? []).flatMap((row) => row.components ?? (row.component ? [row.component] : []));
    const known = new Set(inputs.map((c) => c.custom_id));
    for (const id of Object.keys(values)) if (!known.has(id)) throw new Error(`LocalDiscord: the modal has no text input "${id}"`);
    const components = inputs
      .filter((c) => c.type === 4 && c.custom_id)
      .map((c) => ({ type: 1, components: [{ type: 4, custom_id: c.custom_id, value: values[c.custom_id ?? ''] ?? '' }] }));
    const who = this.#who({ user: record.userId, channel: record.channelId });
    return this.#send(this.#builder.build(5, who, { custom_id: modal.custom_id, components }));
  }

  /** Clicks a button on a recorded message (channel post or interaction reply, ephemeral too). */
  clickButton(input: InvokeAs & { message: StoredMessage | string; customId: string }): InteractionHandle {
    return this.#component(input, { kind: 'button', customId: input.customId });
  }

  /** Picks `values` in a select menu on a recorded message. */
  selectMenu(input: InvokeAs & { message: StoredMessage | string; customId: string; values: string[] }): InteractionHandle {
    return this.#component(input, { kind: 'select', customId: input.customId, values: input.values });
  }

  #component(input: InvokeAs & { message: StoredMessage | string }, target: ComponentTarget): InteractionHandle {
    const message = typeof input.message === 'string' ? this.#ctx.messages.get(input.message) : input.message;
    if (!message || message.deleted) throw new Error(`LocalDiscord: no message ${typeof input.message === 'string' ? input.message : input.message.id}`);
    const owner = message.interactionId ? this.#ctx.interactions.get(message.interactionId)?.userId : undefined;
    const who = this.#who({ ...input, channel: message.channelId, user: input.user ?? (message.ephemeral ? owner : undefined) });
    const data = findComponent(this.#ctx, message, target);
    return this.#send(this.#builder.build(3, who, data, { message: message.data, sourceMessageId: message.id }));
  }

  #who(input: InvokeAs): Invocation {
    const { guild } = this.#ctx;
    const userId = guild.resolveUserId(input.user ?? 'admin');
    const channelId = guild.resolveChannelId(input.channel ?? 'general');
    if (!guild.canView(userId, channelId)) throw new Error(`LocalDiscord: ${input.user ?? 'admin'} cannot see that channel, so cannot interact there`);
    return { userId, channelId, locale: input.locale ?? 'en-US' };
  }

  /** Discord's client hides commands the member may not use (default_member_permissions, USE_APPLICATION_COMMANDS). */
  #checkCanUse(who: Invocation, defaultPermissions: string | null, name: string): void {
    const permissions = this.#ctx.guild.permissionsIn(who.userId, who.channelId);
    const required = defaultPermissions === null ? 0n : BigInt(defaultPermissions);
    const isAdmin = has(permissions, PermissionFlagsBits.Administrator);
    const allowed = has(permissions, PermissionFlagsBits.UseApplicationCommands) && (isAdmin || (required !== 0n && has(permissions, required)) || defaultPermissions === null);
    if (!allowed) throw new Error(`LocalDiscord: that user cannot use /${name} (default_member_permissions ${defaultPermissions}); pass skipPermissionCheck to send it anyway`);
  }

  #send(record: ReturnType<InteractionBuilder['build']>): InteractionHandle {
    if (this.#dispatch('INTERACTION_CREATE', record.payload) === 0) {
      throw new Error('LocalDiscord: no gateway session to receive the interaction (is the bot logged in?)');
    }
    return new InteractionHandle(this.#ctx, record);
  }
}
