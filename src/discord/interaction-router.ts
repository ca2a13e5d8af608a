/**
 * Routes every interaction to its command, button or select handler. The one catch-all lives
 * here: a user-facing error becomes an ephemeral answer the user can act on; anything else is
 * logged with the command and interaction id, and the user gets a short apology, never a stack.
 * A handler still busy after `deferAfterMs` is deferred, so no interaction misses Discord's 3 s.
 */
import type { AutocompleteInteraction, Interaction, MessageComponentInteraction, ModalSubmitInteraction } from 'discord.js';
import { DISCORD_MAX_CHOICES } from '../render/discord-limits.js';
import { decodeCustomId, renderUnknownBriefing, renderUserError, type CustomIdAction } from '../render/index.js';
import type { Logger } from '../log.js';
import { resolveTypedBriefing } from '../search/resolve-typed-briefing.js';
import { UserFacingError, type CommandContext, type CommandModule, type ComponentHandler, type MessageCommand, type ModalHandler } from './command-module.js';
import { InteractionResponder, type RepliableInteraction } from './interaction-responder.js';
import { WorkInFlight } from './work-in-flight.js';

/**
 * How long a handler may take before its reply is deferred: a second short of Discord's 3 s
 * (DISCORD_LIMITS.interaction.initialResponseMs), so the deferral itself has time to arrive.
 */
export const DEFAULT_DEFER_AFTER_MS = 2_000;

export interface RouterOptions {
  /**
   * Defer a reply that is not ready by then (Discord invalidates an unanswered interaction at 3 s).
   * Tests pair a shorter one with a shorter emulator deadline instead of waiting 2 s of real time.
   */
  deferAfterMs?: number;
  /** Told every interaction handled, with its outcome and how long it took (the /metrics histogram). */
  onHandled?: (command: string, outcome: string, latencyMs: number) => void;
}

type Outcome = 'ok' | 'user-error' | 'error' | 'refused';

export class InteractionRouter {
  readonly #commands = new Map<string, CommandModule>();
  readonly #components = new Map<CustomIdAction['kind'], ComponentHandler>();
  readonly #messageCommands = new Map<string, MessageCommand>();
  readonly #modals = new Map<CustomIdAction['kind'], ModalHandler>();
  readonly #ctx: CommandContext;
  /** After this long (real time) a handler still busy has its reply deferred. */
  readonly deferAfterMs: number;
  readonly #inFlight = new WorkInFlight();
  readonly #onHandled: RouterOptions['onHandled'];
  #accepting = true;

  constructor(commands: readonly CommandModule[], ctx: CommandContext, options: RouterOptions = {}) {
    this.#ctx = ctx;
    this.deferAfterMs = options.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS;
    this.#onHandled = options.onHandled;
    for (const command of commands) {
      this.#commands.set(command.data.name, command);
      for (const [kind, handler] of Object.entries(command.components ?? {})) {
        if (this.#components.has(kind as CustomIdAction['kind'])) throw new Error(`two commands handle "${kind}" components`);
        this.#components.set(kind as CustomIdAction['kind'], handler);
      }
      if (command.messageCommand) this.#messageCommands.set(command.messageCommand.data.name, command.messageCommand);
      for (const [kind, handler] of Object.entries(command.modals ?? {})) {
        if (this.#modals.has(kind as CustomIdAction['kind'])) throw new Error(`two commands handle "${kind}" modals`);
        this.#modals.set(kind as CustomIdAction['kind'], handler);
      }
    }
  }

  /** Handles one interaction; never rejects. */
  handle(interaction: Interaction): Promise<void> {
    return this.#inFlight.track(this.#route(interaction));
  }

  /** Resolves once no interaction is being handled (the sandbox waits on it between steps). */
  async whenIdle(): Promise<void> {
    await this.#inFlight.whenIdle();
  }

  /** Stops taking interactions and waits (up to `timeoutMs`) for those in flight. */
  async drain(timeoutMs = 10_000): Promise<void> {
    this.#accepting = false;
    await this.#inFlight.settle(timeoutMs);
  }

  async #route(interaction: Interaction): Promise<void> {
    const started = performance.now();
    const log = this.#ctx.logger.child({ interactionId: interaction.id, guild: interaction.guildId ?? undefined });
    let outcome: Outcome = 'ok';
    let name = 'unknown';
    try {
      if (interaction.isAutocomplete()) {
        name = `${interaction.commandName}:autocomplete`;
        outcome = await this.#autocomplete(interaction);
      } else if (interaction.isChatInputCommand()) {
        name = interaction.commandName;
        const command = this.#commands.get(name);
        outcome = await this.#answer(interaction, log.child({ command: name }), (respond) => {
          if (!command) throw new UserFacingError('This command is not available any more. Try /help.');
          return command.execute(interaction, respond, this.#ctx);
        });
        if (outcome === 'ok') await this.#noteBriefingShown(interaction, interaction.options.getString('briefing') ?? undefined, log);
      } else if (interaction.isMessageContextMenuCommand()) {
        name = `message:${interaction.commandName}`;
        const command = this.#messageCommands.get(interaction.commandName);
        outcome = await this.#answer(interaction, log.child({ command: name }), (respond) => {
          if (!command) throw new UserFacingError('This command is not available any more. Try /help.');
          return command.execute(interaction, respond, this.#ctx);
        });
      } else if (interaction.isModalSubmit()) {
        const action = decodeCustomId(interaction.customId);
        name = `modal:${action?.kind ?? 'unknown'}`;
        outcome = await this.#answer(interaction, log.child({ command: name }), (respond) => this.#modal(interaction, action, respond));
      } else if (interaction.isMessageComponent()) {
        const action = decodeCustomId(interaction.customId);
        name = `component:${action?.kind ?? 'unknown'}`;
        outcome = await this.#answer(interaction, log.child({ command: name }), (respond) => this.#component(interaction, action, respond));
        if (outcome === 'ok' && action && 'slug' in action) await this.#noteBriefingShown(interaction, action.slug, log);
      } else {
        return;
      }
    } catch (error) {
      outcome = 'error';
      log.error({ err: error, command: name }, 'interaction failed and could not be answered');
    } finally {
      const latencyMs = Math.round((performance.now() - started) * 100) / 100;
      log.info({ command: name, latencyMs, outcome }, 'interaction');
      this.#onHandled?.(name, outcome, latencyMs);
    }
  }

  async #autocomplete(interaction: AutocompleteInteraction): Promise<Outcome> {
    if (!this.#accepting) {
      await interaction.respond([]);
      return 'refused';
    }
    const command = this.#commands.get(interaction.commandName);
    const choices = command?.autocomplete?.(interaction, this.#ctx) ?? [];
    await interaction.respond(choices.slice(0, DISCORD_MAX_CHOICES));
    return 'ok';
  }

  #component(interaction: MessageComponentInteraction, action: CustomIdAction | undefined, respond: InteractionResponder): Promise<void> {
    const handler = action ? this.#components.get(action.kind) : undefined;
    if (!action || !handler) throw new UserFacingError('This button belongs to an older version of the bot. Run the command again.');
    return handler(interaction, action, respond, this.#ctx);
  }

  #modal(interaction: ModalSubmitInteraction, action: CustomIdAction | undefined, respond: InteractionResponder): Promise<void> {
    const handler = action ? this.#modals.get(action.kind) : undefined;
    if (!action || !handler) throw new UserFacingError('This form belongs to an older version of the bot. Run the command again.');
    return handler(interaction, action, respond, this.#ctx);
  }

  /**
   * A briefing was shown in the channel (a command's `briefing` option, a card's button): it is
   * what a follow-up there is probably about. After the answer, so the reader never waits for it;
   * a failure to remember costs only the prior, so it is logged, not shown.
   */
  async #noteBriefingShown(interaction: Interaction, typed: string | undefined, log: Logger): Promise<void> {
    // A name typed rather than picked ("japan tariffs") is remembered as the briefing it resolved to.
    const slug = typed?.trim() ? resolveTypedBriefing(this.#ctx.library, typed)?.slug : undefined;
    const context = this.#ctx.briefingContext;
    if (!slug || !context || !interaction.channelId) return;
    await context.shown(interaction.channelId, interaction.user.id, slug).catch((error: unknown) => log.warn({ err: error }, 'could not remember the briefing shown'));
  }

  /** `log` carries the interaction id, guild and command, so a failure logged here names all three. */
  async #answer(interaction: RepliableInteraction, log: Logger, run: (respond: InteractionResponder) => Promise<void>): Promise<Outcome> {
    const respond = new InteractionResponder(interaction);
    if (!this.#accepting) {
      await respond.send(renderUserError('Lumen is restarting. Try again in a few seconds.'), { ephemeral: true });
      return 'refused';
    }
    const deferTimer = setTimeout(() => {
      respond.defer().catch((error: unknown) => log.warn({ err: error }, 'defer failed'));
    }, this.deferAfterMs);
    try {
      await run(respond);
      return 'ok';
    } catch (error) {
      if (error instanceof UserFacingError) {
        const payload =
          error.payloadKind === 'unknown-briefing'
            ? renderUnknownBriefing(error.query, this.#ctx.library.suggest(error.query).map((b) => ({ slug: b.slug, title: b.title })))
            : renderUserError(error.message);
        await respond.send(payload, { ephemeral: true });
        return 'user-error';
      }
      log.error({ err: error }, 'command failed');
      await respond.send(renderUserError('Something went wrong on our side. It has been logged; please try again.'), { ephemeral: true });
      return 'error';
    } finally {
      clearTimeout(deferTimer);
    }
  }
}
