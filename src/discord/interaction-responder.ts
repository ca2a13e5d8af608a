/**
 * Answers one interaction whatever state it is in: the first payload is the reply (or fills a
 * deferred reply), later ones are follow-ups. Handlers send payloads and never need to know
 * whether the router already deferred because they were slow.
 */
import {
  MessageFlags,
  type APIModalInteractionResponseCallbackData,
  type ChatInputCommandInteraction,
  type MessageComponentInteraction,
  type MessageContextMenuCommandInteraction,
  type ModalSubmitInteraction,
} from 'discord.js';
import { isUserError } from '../render/index.js';
import type { MessagePayload } from '../render/message-payload.js';
import { toMessageOptions } from './message-options.js';

export type RepliableInteraction = ChatInputCommandInteraction | MessageComponentInteraction | MessageContextMenuCommandInteraction | ModalSubmitInteraction;

export interface SendOptions {
  /** Only the person who asked sees it (errors, previews, button answers). Default: only for a renderer's error payload. */
  ephemeral?: boolean;
}

export class InteractionResponder {
  readonly interaction: RepliableInteraction;
  #deferredEphemeral: boolean | undefined;
  /** A deferral sent but not yet confirmed: discord.js marks the interaction deferred only once Discord answers. */
  #deferring: Promise<void> | undefined;
  #sent = 0;

  constructor(interaction: RepliableInteraction) {
    this.interaction = interaction;
  }

  /** Whether anything has been sent or deferred yet. */
  get acknowledged(): boolean {
    return this.interaction.replied || this.interaction.deferred;
  }

  /** Acknowledges now (within Discord's 3 s) so the real answer may take up to 15 minutes. */
  async defer(options: SendOptions = {}): Promise<void> {
    if (this.acknowledged || this.#deferring) return this.#deferring;
    this.#deferredEphemeral = options.ephemeral ?? false;
    this.#deferring = this.interaction.deferReply(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {}).then(() => undefined);
    await this.#deferring;
  }

  /**
   * Waits for a deferral on its way, so that an answer ready meanwhile fills it instead of
   * racing it as a second initial response (one of the two would get 40060). A failed deferral
   * was logged by whoever deferred; the answer then goes out as a plain reply.
   */
  async #settled(): Promise<void> {
    await this.#deferring?.catch(() => undefined);
  }

  /** Sends one message: the reply first, then follow-ups. */
  async send(payload: MessagePayload, options: SendOptions = {}): Promise<void> {
    await this.#settled();
    const message = toMessageOptions(payload);
    // A renderer's error (an unknown actor, a section the briefing lacks) is for the asker only.
    const ephemeral = options.ephemeral ?? isUserError(payload);
    const flags = ephemeral ? MessageFlags.Ephemeral : undefined;
    const i = this.interaction;
    if (!this.acknowledged) {
      await i.reply({ ...message, ...(flags ? { flags } : {}) });
    } else if (i.deferred && this.#sent === 0 && this.#deferredEphemeral === ephemeral) {
      await i.editReply(message);
    } else if (i.deferred && this.#sent === 0) {
      // Deferred with the other visibility: replace the "thinking…" placeholder with a follow-up.
      await i.deleteReply().catch(() => undefined);
      await i.followUp({ ...message, ...(flags ? { flags } : {}) });
    } else {
      await i.followUp({ ...message, ...(flags ? { flags } : {}) });
    }
    this.#sent++;
  }

  /** Sends several messages (a long briefing split over many). */
  async sendAll(payloads: MessagePayload[], options: SendOptions = {}): Promise<void> {
    for (const payload of payloads) await this.send(payload, options);
  }

  /** Opens a modal (a form) as the initial response: only for commands and components, before anything else is sent. */
  async showModal(modal: APIModalInteractionResponseCallbackData): Promise<void> {
    const i = this.interaction;
    if (i.isModalSubmit() || this.acknowledged || this.#deferring) throw new Error('a modal can only be the first response to a command or component');
    await i.showModal(modal);
    this.#sent++;
  }

  /** Replaces the message a button was pressed on (paging through results). */
  async update(payload: MessagePayload): Promise<void> {
    const i = this.interaction;
    if (!i.isMessageComponent()) return this.send(payload);
    await this.#settled();
    const message = toMessageOptions(payload);
    if (!this.acknowledged) await i.update(message);
    else await i.editReply(message);
    this.#sent++;
  }
}
