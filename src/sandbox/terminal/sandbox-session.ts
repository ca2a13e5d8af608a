/**
 * Runs sandbox steps as a person in the sandbox guild would: typing commands (autocomplete asked
 * and shown, the typed text sent, as Discord's client does when no suggestion is picked), pressing
 * buttons, replying to the bot's messages, switching user and channel,
 * dropping files in the inbox, letting simulated time pass, restarting the bot.
 * Each step reports the REST requests the bot made while handling it and the messages it posted.
 */
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { PermissionFlagsBits } from 'discord-api-types/v10';
import type { Sandbox } from '../sandbox.js';
import type { RecordedRequest } from '../emulator/rest/request-log.js';
import type { StoredMessage } from '../emulator/state/stored-message.js';
import type { InteractionHandle } from '../emulator/interactions/interaction-handle.js';
import type { FileSpec } from '../emulator/state/attachment-store.js';
import { bindOptions, selectSubcommand, type OptionToken } from './command-line.js';
import { sandboxHelp } from './sandbox-help.js';
import type { Step } from './script-line.js';

const ATTACHMENT_OPTION = 11;
const FORUM_CHANNEL = 15;
/** How many suggestions a note shows: Discord shows up to 25, a terminal line fewer. */
const SHOWN_SUGGESTIONS = 5;

export interface StepReport {
  requests: RecordedRequest[];
  /** Messages the bot created or edited during the step, in order. */
  messages: StoredMessage[];
  /** What the sandbox itself has to say (an autocomplete pick, a time jump, an error). */
  notes: string[];
}

interface ComponentNode {
  type?: number;
  label?: string;
  custom_id?: string;
  disabled?: boolean;
  options?: { label?: string; value?: string }[];
  components?: ComponentNode[];
}

export class SandboxSession {
  readonly sandbox: Sandbox;
  user = 'admin';
  channel = 'general';

  constructor(sandbox: Sandbox) {
    this.sandbox = sandbox;
  }

  /** Runs one step; a mistake in the step (unknown channel, no such button) becomes a note, not a crash. */
  async run(step: Step): Promise<StepReport> {
    const discord = this.sandbox.discord;
    const firstSeq = (discord.requests.at(-1)?.seq ?? 0) + 1;
    const touched = new Map<string, StoredMessage>();
    const onMessage = (message: StoredMessage): void => {
      touched.delete(message.id);
      touched.set(message.id, message);
    };
    discord.on('message', onMessage);
    discord.on('messageUpdate', onMessage);
    const notes: string[] = [];
    try {
      await this.#run(step, notes);
      await this.#settle();
    } catch (error) {
      notes.push(`error: ${(error as Error).message.replace(/^LocalDiscord: /, '')}`);
    } finally {
      discord.off('message', onMessage);
      discord.off('messageUpdate', onMessage);
    }
    const requests = discord.requests.filter((r) => r.seq >= firstSeq);
    return { requests, messages: [...touched.values()], notes };
  }

  async #run(step: Step, notes: string[]): Promise<void> {
    const discord = this.sandbox.discord;
    switch (step.kind) {
      case 'comment':
        return;
      case 'help':
        notes.push(sandboxHelp(this.sandbox));
        return;
      case 'as':
        discord.userId(step.user); // throws for an unknown user
        this.user = step.user;
        return;
      case 'in':
        discord.channelId(step.channel);
        this.channel = step.channel;
        return;
      case 'command':
        return this.#command(step.name, step.tokens, notes);
      case 'click': {
        const wanted = labelKey(step.label);
        const { message, customId, node } = this.#findComponent((c) => c.type === 2 && c.custom_id !== undefined && labelKey(c.label ?? '') === wanted, `a button "${step.label}"`);
        // Refused as Discord's client refuses it, named by what the user sees, not by its internal custom_id.
        if (node.disabled) throw new Error(`the "${node.label ?? step.label}" button is disabled`);
        await discord.interact.clickButton({ message, customId, user: this.user, channel: this.channel }).response();
        return;
      }
      case 'select': {
        const matches = (o: { label?: string; value?: string }) => o.value === step.value || labelKey(o.label ?? '') === labelKey(step.value);
        const { message, customId, node } = this.#findComponent((c) => c.type === 3 && (c.options ?? []).some(matches), `a menu option "${step.value}"`);
        const value = node.options?.find(matches)?.value ?? step.value;
        await discord.interact.selectMenu({ message, customId, values: [value], user: this.user, channel: this.channel }).response();
        return;
      }
      case 'reply': {
        const to = this.#lastBotMessage();
        await this.sandbox.reply({ channel: this.channel, user: this.user, content: step.text, to });
        notes.push(`${this.user} replied to the bot's last message in #${this.channel}`);
        return;
      }
      case 'import': {
        const inbox = join(this.sandbox.options.dataDir, 'inbox');
        await mkdir(inbox, { recursive: true });
        await copyFile(resolve(step.path), join(inbox, basename(step.path))).catch((error: NodeJS.ErrnoException) => {
          throw localFileError('import', step.path, error);
        });
        notes.push(`dropped ${basename(step.path)} into the inbox`);
        return;
      }
      case 'advance':
        await this.sandbox.advance(step.ms);
        notes.push(`time is now ${this.sandbox.options.clock.now().toISOString()}`);
        return;
      case 'restart':
        await this.sandbox.restart();
        notes.push('the bot restarted on the same data directory');
        return;
    }
  }

  /**
   * Types a command as Discord's client sends it: the options bound as typed (a wrong one is
   * refused before anything is sent), each autocomplete option shown its suggestions but sent as
   * typed (the bot resolves what it means, as it must on Discord), `file:` read from disk.
   */
  async #command(root: string, typed: OptionToken[], notes: string[]): Promise<void> {
    const discord = this.sandbox.discord;
    const definition = discord.commands.find(root, discord.guildId);
    if (!definition) throw new Error(`there is no /${root}; try /help`);
    this.#refuseInForum();
    // `/subscriptions test id:x`: the subcommand's name, then its options.
    const chosen = selectSubcommand(definition, typed);
    if (!chosen.ok) throw new Error(chosen.error);
    const { name, shape, tokens } = chosen;
    const bound = bindOptions(shape, tokens);
    if (!bound.ok) throw new Error(bound.error);
    const options: Record<string, string> = {};
    const attachments: Record<string, FileSpec> = {};
    for (const option of shape.options ?? []) {
      const value = bound.options[option.name];
      if (value === undefined) continue;
      if (option.type === ATTACHMENT_OPTION) {
        attachments[option.name] = await readLocalFile(value);
        continue;
      }
      options[option.name] = value;
      if (!option.autocomplete) continue;
      const choices = await discord.interact.autocomplete({ name, options, focused: option.name, user: this.user, channel: this.channel });
      if (!choices.some((c) => String(c.value) === value)) notes.push(suggestionsNote(option.name, value, choices));
    }
    const send = (): InteractionHandle => {
      try {
        return discord.interact.slashCommand({ name, options, attachments, user: this.user, channel: this.channel });
      } catch (error) {
        throw new Error(this.#hiddenCommand(name, definition.default_member_permissions, error as Error));
      }
    };
    await send().response();
  }

  /** Discord has no message box in a forum channel itself: commands are typed in one of its posts. */
  #refuseInForum(): void {
    const discord = this.sandbox.discord;
    const channel = discord.guild.channel(discord.channelId(this.channel));
    if (channel?.type !== FORUM_CHANNEL) return;
    const posts = discord.guild.threads(channel.id).map((t) => t.name);
    const where = posts.length > 0 ? `open one of its posts first (${posts.map((p) => `@in ${p}`).join(', ')})` : 'it has no posts yet';
    throw new Error(`#${channel.name} is a forum: Discord offers no message box in the forum itself, only in its posts; ${where}`);
  }

  /** What Discord shows a member who may not use a command: nothing, it is not in their list. */
  #hiddenCommand(name: string, required: string | null, error: Error): string {
    if (!/cannot use \//.test(error.message)) return error.message;
    const needs = permissionNames(required);
    return `${this.user} does not see /${name}: Discord lists it only for members with ${needs}`;
  }

  /** The newest message the current user can see in the current channel that has the wanted component. */
  #findComponent(wanted: (node: ComponentNode) => boolean, what: string): { message: StoredMessage; customId: string; node: ComponentNode } {
    const discord = this.sandbox.discord;
    const me = discord.userId(this.user);
    const visible = discord
      .channelMessages(this.channel, { includeEphemeral: true })
      .filter((m) => !m.ephemeral || discord.interactions.get(m.interactionId ?? '')?.userId === me);
    for (const message of visible.reverse()) {
      const node = findNode(message.components as ComponentNode[], wanted);
      if (node?.custom_id) return { message, customId: node.custom_id, node };
    }
    throw new Error(`no message in #${this.channel} has ${what}`);
  }

  /** The bot's newest message in the current channel that everyone sees (ephemeral ones take no replies). */
  #lastBotMessage(): StoredMessage {
    const discord = this.sandbox.discord;
    const last = discord.channelMessages(this.channel).findLast((m) => m.data.author.id === discord.botUserId);
    if (!last) throw new Error(`the bot has posted nothing in #${this.channel} to reply to`);
    return last;
  }

  /** Waits until the bot has finished everything the step set off. */
  async #settle(): Promise<void> {
    await this.sandbox.whenIdle();
  }
}

/** A label as a person would type it: "Next ▶" is "next", "◀ Previous" is "previous". */
function labelKey(label: string): string {
  return label.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function findNode(nodes: ComponentNode[], wanted: (node: ComponentNode) => boolean): ComponentNode | undefined {
  for (const node of nodes) {
    if (wanted(node)) return node;
    const inner = findNode(node.components ?? [], wanted);
    if (inner) return inner;
  }
  return undefined;
}

/** "autocomplete for briefing:"japan tarifs" offered japan-tariffs, …; sent as typed". */
function suggestionsNote(option: string, typed: string, choices: readonly { name: string; value: string | number }[]): string {
  if (choices.length === 0) return `autocomplete for ${option}:"${typed}" offered nothing; sent as typed`;
  const shown = choices.slice(0, SHOWN_SUGGESTIONS).map((c) => String(c.value));
  const more = choices.length > shown.length ? ` (+${choices.length - shown.length} more)` : '';
  return `autocomplete for ${option}:"${typed}" offered ${shown.join(', ')}${more}; sent as typed`;
}

const PERMISSION_NAMES: [bigint, string][] = [
  [PermissionFlagsBits.Administrator, 'Administrator'],
  [PermissionFlagsBits.ManageGuild, 'Manage Server'],
  [PermissionFlagsBits.ManageChannels, 'Manage Channels'],
  [PermissionFlagsBits.ManageMessages, 'Manage Messages'],
  [PermissionFlagsBits.ManageRoles, 'Manage Roles'],
];

/** A command's default_member_permissions as Discord's settings name them. */
function permissionNames(required: string | null): string {
  const bits = required === null ? 0n : BigInt(required);
  const names = PERMISSION_NAMES.filter(([bit]) => (bits & bit) !== 0n).map(([, label]) => label);
  return names.length > 0 ? names.join(' or ') : 'the permission to use application commands';
}

/** Why a local file named in a step (`@import`, `/publish file:`) could not be used, without Node's raw text. */
function localFileError(action: 'import' | 'upload', path: string, error: NodeJS.ErrnoException): Error {
  const reason = error.code === 'ENOENT' ? 'no such file' : error.code === 'EISDIR' ? 'is a directory, not a file' : error.message;
  return new Error(`cannot ${action} ${path}: ${reason}`);
}

/** A local file as an upload: `/publish file:examples/new-briefing.md`. */
async function readLocalFile(path: string): Promise<FileSpec> {
  const data = await readFile(resolve(path)).catch((error: NodeJS.ErrnoException) => {
    throw localFileError('upload', path, error);
  });
  const type = { '.md': 'text/markdown', '.markdown': 'text/markdown', '.txt': 'text/plain' }[extname(path).toLowerCase()] ?? 'application/octet-stream';
  return { filename: basename(path), data, contentType: type };
}
