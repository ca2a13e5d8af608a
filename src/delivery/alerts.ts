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
import type { StateStore } from '../store/state-store.js';

/** Keys remembered per server; the oldest are forgotten (their conditions are long past). */
export const MAX_ALERT_KEYS = 2000;

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
  readonly #state: StateStore;
  readonly #logger: Logger;
  readonly #send: (channelId: string, payload: MessagePayload) => Promise<void>;

  constructor(options: { state: StateStore; logger: Logger; send: (channelId: string, payload: MessagePayload) => Promise<void> }) {
    this.#state = options.state;
    this.#logger = options.logger;
    this.#send = options.send;
  }

  /** Names the channel where this server's alerts go. */
  async configure(guildId: string, channelId: string, userId: string): Promise<void> {
    await this.#state.update((state) => {
      state.alerts ??= {};
      const sent = state.alerts[guildId]?.sent ?? [];
      state.alerts[guildId] = { channelId, setBy: userId, sent };
    });
  }

  settings(guildId: string): AlertSettings | undefined {
    return this.#state.data.alerts?.[guildId];
  }

  /**
   * Posts the alert in each concerned server's alert channel that has not had it yet. The key
   * is written before the post: a failed post is logged, not retried every minute.
   */
  async raise(alert: Alert): Promise<void> {
    const targets: { guildId: string; channelId: string }[] = [];
    await this.#state.update((state) => {
      for (const [guildId, settings] of Object.entries(state.alerts ?? {})) {
        if (alert.guildId !== undefined && alert.guildId !== guildId) continue;
        if (settings.sent.includes(alert.key)) continue;
        settings.sent.push(alert.key);
        if (settings.sent.length > MAX_ALERT_KEYS) settings.sent.splice(0, settings.sent.length - MAX_ALERT_KEYS);
        targets.push({ guildId, channelId: settings.channelId });
      }
    });
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
