/**
 * Runs sandbox steps as a person in the sandbox guild would: typing commands (with autocomplete
 * exercised the way Discord's client does), pressing buttons, switching user and channel,
 * dropping files in the inbox, letting simulated time pass, restarting the bot.
 * Each step reports the REST requests the bot made while handling it and the messages it posted.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { Sandbox } from '../sandbox.js';
import type { RecordedRequest } from '../emulator/rest/request-log.js';
import type { StoredMessage } from '../emulator/state/stored-message.js';
import type { Step } from './script-line.js';

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
      case 'help':
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
        return this.#command(step.name, step.options, notes);
      case 'click': {
        const wanted = labelKey(step.label);
        const { message, customId } = this.#findComponent((c) => c.type === 2 && c.custom_id !== undefined && labelKey(c.label ?? '') === wanted, `a button "${step.label}"`);
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
      case 'import': {
        const inbox = join(this.sandbox.options.dataDir, 'inbox');
        await mkdir(inbox, { recursive: true });
        await copyFile(resolve(step.path), join(inbox, basename(step.path)));
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

  /** Types a command: each autocomplete option is offered the typed text, and the best suggestion is picked. */
  async #command(name: string, typed: Record<string, string>, notes: string[]): Promise<void> {
    const discord = this.sandbox.discord;
    const [root = '', ...subcommands] = name.split(' ');
    const definition = discord.commands.find(root, discord.guildId);
    if (!definition) throw new Error(`there is no /${root}; try /help`);
    // A subcommand's options sit under it (`/subscriptions test id:…`).
    let definitions = definition.options ?? [];
    for (const part of subcommands) definitions = definitions.find((o) => o.name === part)?.options ?? [];
    const options: Record<string, string | number> = {};
    for (const option of definitions) {
      const value = typed[option.name];
      if (value === undefined) continue;
      options[option.name] = value;
      if (!option.autocomplete) continue;
      const choices = await discord.interact.autocomplete({ name, options, focused: option.name, user: this.user, channel: this.channel });
      const exact = choices.find((c) => String(c.value).toLowerCase() === value.toLowerCase() || c.name.toLowerCase() === value.toLowerCase());
      const picked = exact ?? choices[0];
      if (picked) {
        options[option.name] = picked.value;
        if (!exact) notes.push(`autocomplete: ${option.name}:"${value}" → ${picked.value}`);
      }
    }
    await discord.interact.slashCommand({ name, options, user: this.user, channel: this.channel }).response();
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
