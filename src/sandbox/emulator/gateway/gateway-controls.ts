import type { GatewayEvent, GatewayServer } from './gateway-server.js';
import type { GatewaySession } from './gateway-session.js';

/**
 * What tests (and the sandbox) can do to the bot's gateway connection: drop it, ask it to
 * reconnect, invalidate its session, and wait for what the client does in return.
 */
export class GatewayControls {
  readonly #server: GatewayServer;

  constructor(server: GatewayServer) {
    this.#server = server;
  }

  /** Everything that happened on the gateway, oldest first. */
  get history(): readonly GatewayEvent[] {
    return this.#server.history;
  }

  /** Live and resumable sessions. */
  get sessions(): GatewaySession[] {
    return this.#server.sessions;
  }

  /** Number of open, identified sockets. */
  get connectedSessions(): number {
    return this.#server.connectedSessions;
  }

  /** Kills the socket without a close frame (the client sees 1006 and resumes after ~500 ms). */
  dropSocket(): number {
    return this.#server.dropSocket();
  }

  /** Sends op 7 RECONNECT. */
  sendReconnect(): void {
    this.#server.sendReconnect();
  }

  /** Sends op 9 INVALID_SESSION with `d = resumable`. */
  sendInvalidSession(resumable: boolean): void {
    this.#server.sendInvalidSession(resumable);
  }

  /** Sends an arbitrary dispatch (e.g. a GUILD_UPDATE a test needs). Returns how many sessions got it. */
  dispatch(t: string, d: unknown): number {
    return this.#server.dispatch(t, d);
  }

  /** Resolves with the next gateway event of `type` (after now) that satisfies `predicate`. */
  waitFor(type: GatewayEvent['type'], predicate: (event: GatewayEvent) => boolean = () => true, timeoutMs = 10_000): Promise<GatewayEvent> {
    return new Promise((resolve, reject) => {
      const onEvent = (event: GatewayEvent): void => {
        if (event.type !== type || !predicate(event)) return;
        cleanup();
        resolve(event);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`LocalDiscord: no gateway "${type}" within ${timeoutMs} ms`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.#server.off('event', onEvent);
      };
      this.#server.on('event', onEvent);
    });
  }
}
