/**
 * Admin alerts: each server names a channel with /alerts; what needs an admin is posted there,
 * once. An alert carries a key (the file and its problem, the subscription and the moment it
 * was paused...); a key already sent is never sent again, across restarts, so a condition that
 * lasts does not alert every minute.
 */
import type { Logger } from '../log.js';
import type { AlertKind } from '../render/alert-messages.js';
import { renderAlert } from '../render/alert-messages.js';
import type { MessagePayload } from '../render/message-payload.js';
import type { AlertSettings } from '../domain/subscription.schema.js';
import type { AlertStore } from '../store/lumen-stores.js';

export interface Alert {
  /** Identifies the event: the same key is alerted once. */
  key: string;
  kind: AlertKind;
  text: string;
  problemLines?: string[];
  /** The server it concerns; undefined for what concerns every server (a rejected inbox file). */
  guildId?: string;
}

/** Where delivery and the commands report what needs an admin. */
export interface AlertSink {
  raise(alert: Alert): Promise<void>;
}

export class AlertService implements AlertSink {
  readonly #store: AlertStore;
  readonly #logger: Logger;
  readonly #send: (channelId: string, payload: MessagePayload) => Promise<void>;

  constructor(options: { store: AlertStore; logger: Logger; send: (channelId: string, payload: MessagePayload) => Promise<void> }) {
    this.#store = options.store;
    this.#logger = options.logger;
    this.#send = options.send;
  }

  /** Names the channel where this server's alerts go. */
  async configure(guildId: string, channelId: string, userId: string): Promise<void> {
    await this.#store.configure(guildId, { channelId, setBy: userId });
  }

  async settings(guildId: string): Promise<AlertSettings | undefined> {
    return this.#store.settings(guildId);
  }

  /**
   * Posts the alert in each concerned server's alert channel that has not had it yet. The key
   * is written before the post: a failed post is logged, not retried every minute.
   */
  async raise(alert: Alert): Promise<void> {
    const targets = await this.#store.claimAlert(alert.key, alert.guildId);
    if (targets.length === 0) {
      this.#logger.info({ alert: alert.key }, 'alert not posted: already sent, or no alert channel set');
      return;
    }
    const payload = renderAlert(alert.kind, alert.text, alert.problemLines);
    for (const target of targets) {
      await this.#send(target.channelId, payload).catch((error: unknown) => {
        this.#logger.warn({ err: error, alert: alert.key, guild: target.guildId, channel: target.channelId }, 'could not post the alert');
      });
    }
  }
}
