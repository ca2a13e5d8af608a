import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { DISCORD_LIMITS } from '../payload-limits.js';
import { ALL_INTENTS, PRIVILEGED_INTENTS, receives } from './gateway-intents.js';
import { GatewaySession } from './gateway-session.js';
import { isMessageDispatch, visibleMessage } from './message-content.js';
import { GATEWAY_PATH, RESUME_PATH, type GatewayDeps, type GatewayEvent } from './gateway-types.js';

export { GATEWAY_PATH, RESUME_PATH, type GatewayDeps, type GatewayEvent } from './gateway-types.js';

interface Connection {
  socket: WebSocket;
  path: string;
  session: GatewaySession | undefined;
  /** After op 9 `d:true` the client resumes on the same socket; dispatches wait until then. */
  awaitingResume: boolean;
  sends: number[];
  /** Fires when the client has sent no heartbeat for too long. */
  heartbeatTimer: NodeJS.Timeout | undefined;
}

/**
 * Discord's gateway over `ws`: HELLO, IDENTIFY (4004 on a bad token), heartbeats and ACKs, READY and
 * GUILD_CREATE, RESUME with replay, intent filtering, and test controls to drop sockets or send
 * RECONNECT / INVALID_SESSION so discord.js's recovery paths run for real.
 */
export class GatewayServer extends EventEmitter<{ event: [GatewayEvent] }> {
  readonly history: GatewayEvent[] = [];
  readonly #wss = new WebSocketServer({ noServer: true });
  readonly #sessions = new Map<string, GatewaySession>();
  readonly #connections = new Set<Connection>();
  readonly #deps: GatewayDeps;

  constructor(http: Server, deps: GatewayDeps) {
    super();
    this.#deps = deps;
    http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => this.#upgrade(req, socket, head));
  }

  /** Sessions that can still receive (connected, or resumable after a drop). */
  get sessions(): GatewaySession[] {
    return [...this.#sessions.values()];
  }

  /** Open, identified connections. */
  get connectedSessions(): number {
    return [...this.#connections].filter((c) => c.session && c.socket.readyState === WebSocket.OPEN).length;
  }

  /** Sends a dispatch to every session whose intents ask for it; offline sessions buffer it for RESUME. */
  dispatch(t: string, d: unknown): number {
    let delivered = 0;
    // Discord hands each interaction to one session only; prefer one whose socket is open.
    const targets = t === 'INTERACTION_CREATE' ? this.#interactionTarget() : [...this.#sessions.values()];
    for (const session of targets) {
      if (!receives(session.intents, t)) continue;
      const payload = session.next(t, isMessageDispatch(t) ? visibleMessage(d, session.intents, this.#deps.appUserId) : d);
      delivered += 1;
      const connection = this.#connectionOf(session);
      if (connection && !connection.awaitingResume) this.#send(connection, payload);
    }
    return delivered;
  }

  /** Drops every socket abruptly (no close frame: the client sees 1006 and resumes). */
  dropSocket(): number {
    let dropped = 0;
    for (const connection of this.#connections) {
      connection.socket.terminate();
      dropped += 1;
    }
    return dropped;
  }

  /** Sends op 7 RECONNECT; discord.js closes with 4200 and resumes. */
  sendReconnect(): void {
    for (const connection of this.#identified()) {
      this.#send(connection, { op: 7, d: null, s: null, t: null });
      this.#record({ type: 'reconnect-sent', sessionId: connection.session?.id });
    }
  }

  /** Sends op 9; with `resumable: false` the session is gone and the client must IDENTIFY again. */
  sendInvalidSession(resumable: boolean): void {
    for (const connection of this.#identified()) {
      const session = connection.session;
      this.#send(connection, { op: 9, d: resumable, s: null, t: null });
      this.#record({ type: 'invalid-session-sent', sessionId: session?.id, resumable });
      if (resumable) connection.awaitingResume = true;
      else if (session) {
        this.#sessions.delete(session.id);
        connection.session = undefined;
      }
    }
  }

  /** Closes every socket and stops accepting. */
  async close(): Promise<void> {
    for (const connection of this.#connections) {
      clearTimeout(connection.heartbeatTimer);
      connection.socket.terminate();
    }
    this.#connections.clear();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
  }

  #upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname.replace(/\/$/, '');
    if (path !== GATEWAY_PATH && path !== RESUME_PATH) {
      socket.destroy();
      return;
    }
    this.#wss.handleUpgrade(req, socket, head, (ws) => this.#open(ws, path, url.searchParams));
  }

  #open(socket: WebSocket, path: string, query: URLSearchParams): void {
    const connection: Connection = { socket, path, session: undefined, awaitingResume: false, sends: [], heartbeatTimer: undefined };
    this.#connections.add(connection);
    this.#record({ type: 'open', path });
    socket.on('message', (data) => this.#onMessage(connection, data.toString()));
    socket.on('close', (code) => this.#onClose(connection, code));
    socket.on('error', () => socket.terminate());
    const version = query.get('v');
    if (version !== null && version !== '10' && version !== '9') return this.#closeWith(connection, 4012, 'Invalid API version');
    if ((query.get('encoding') ?? 'json') !== 'json') return this.#closeWith(connection, 4002, 'Error while decoding payload.');
    this.#send(connection, { op: 10, d: { heartbeat_interval: this.#deps.heartbeatIntervalMs }, s: null, t: null });
    this.#expectHeartbeat(connection);
  }

  /**
   * Discord closes a connection that stops heartbeating, with 4009 Session timed out (DOCS OP), and the
   * session cannot be resumed. The timer restarts with every heartbeat.
   */
  #expectHeartbeat(connection: Connection): void {
    clearTimeout(connection.heartbeatTimer);
    const timeout = this.#deps.heartbeatTimeoutMs ?? Math.round(this.#deps.heartbeatIntervalMs * 1.5);
    connection.heartbeatTimer = setTimeout(() => {
      if (connection.socket.readyState !== WebSocket.OPEN) return;
      if (connection.session) this.#sessions.delete(connection.session.id);
      this.#closeWith(connection, 4009, 'Session timed out.');
    }, timeout);
    connection.heartbeatTimer.unref();
  }

  #onMessage(connection: Connection, text: string): void {
    const now = Date.now();
    connection.sends = connection.sends.filter((t) => now - t < 60_000);
    connection.sends.push(now);
    if (connection.sends.length > DISCORD_LIMITS.gateway.sendsPerMinute) return this.#closeWith(connection, 4008, 'Rate limited.');
    let payload: { op?: unknown; d?: unknown };
    try {
      payload = JSON.parse(text) as { op?: unknown; d?: unknown };
    } catch {
      return this.#closeWith(connection, 4002, 'Error while decoding payload.');
    }
    switch (payload.op) {
      case 1:
        this.#expectHeartbeat(connection);
        this.#record({ type: 'heartbeat', sessionId: connection.session?.id, seq: typeof payload.d === 'number' ? payload.d : undefined });
        return this.#send(connection, { op: 11, d: null, s: null, t: null });
      case 2:
        return this.#identify(connection, payload.d);
      case 6:
        return this.#resume(connection, payload.d);
      case 3:
      case 4:
      case 8:
        if (!connection.session) return this.#closeWith(connection, 4003, 'Not authenticated.');
        return;
      default:
        return this.#closeWith(connection, 4001, 'Unknown opcode.');
    }
  }

  #identify(connection: Connection, d: unknown): void {
    const data = (d ?? {}) as { token?: unknown; intents?: unknown; shard?: unknown };
    if (connection.session) return this.#closeWith(connection, 4005, 'Already authenticated.');
    if (!this.#deps.checkToken(data.token)) return this.#closeWith(connection, 4004, 'Authentication failed.');
    const intents = typeof data.intents === 'number' ? data.intents : -1;
    if (intents < 0 || (intents & ~ALL_INTENTS) !== 0) return this.#closeWith(connection, 4013, 'Invalid intent(s).');
    if ((intents & PRIVILEGED_INTENTS & ~this.#deps.privilegedIntents) !== 0) return this.#closeWith(connection, 4014, 'Disallowed intent(s).');
    const shard = Array.isArray(data.shard) ? (data.shard as [number, number]) : ([0, 1] as [number, number]);
    if (shard.length !== 2 || shard[1] < 1 || shard[0] < 0 || shard[0] >= shard[1]) return this.#closeWith(connection, 4010, 'Invalid shard.');
    const session = new GatewaySession(randomBytes(16).toString('hex'), intents, shard);
    this.#sessions.set(session.id, session);
    connection.session = session;
    this.#record({ type: 'identify', sessionId: session.id, path: connection.path });
    this.#send(connection, session.next('READY', this.#deps.ready(session)));
    this.#record({ type: 'ready', sessionId: session.id });
    for (const guild of this.#deps.guildCreates(session)) this.#send(connection, session.next('GUILD_CREATE', guild));
  }

  #resume(connection: Connection, d: unknown): void {
    const data = (d ?? {}) as { token?: unknown; session_id?: unknown; seq?: unknown };
    if (!this.#deps.checkToken(data.token)) return this.#closeWith(connection, 4004, 'Authentication failed.');
    const session = typeof data.session_id === 'string' ? this.#sessions.get(data.session_id) : undefined;
    const seq = typeof data.seq === 'number' ? data.seq : 0;
    const missed = session?.since(seq);
    if (!session || !missed) {
      this.#send(connection, { op: 9, d: false, s: null, t: null });
      this.#record({ type: 'invalid-session-sent', resumable: false, sessionId: session?.id });
      return;
    }
    if (seq > session.seq) return this.#closeWith(connection, 4007, 'Invalid seq.');
    for (const other of this.#connections) if (other !== connection && other.session === session) other.session = undefined;
    connection.session = session;
    connection.awaitingResume = false;
    session.disconnectedAt = undefined;
    this.#record({ type: 'resume', sessionId: session.id, seq, replayed: missed.length, path: connection.path });
    for (const payload of missed) this.#send(connection, payload);
    this.#send(connection, session.next('RESUMED', null));
    this.#record({ type: 'resumed', sessionId: session.id });
  }

  #onClose(connection: Connection, code: number): void {
    clearTimeout(connection.heartbeatTimer);
    this.#connections.delete(connection);
    const session = connection.session;
    this.#record({ type: 'close', sessionId: session?.id, code, path: connection.path });
    if (!session) return;
    // A normal close (1000/1001) ends the session; anything else leaves it resumable.
    if (code === 1000 || code === 1001) this.#sessions.delete(session.id);
    else session.disconnectedAt = Date.now();
  }

  /** Closes with a Discord close code, noting it first so tests see it even before the client reacts. */
  #closeWith(connection: Connection, code: number, reason: string): void {
    this.#record({ type: 'server-close', code, sessionId: connection.session?.id, path: connection.path });
    connection.socket.close(code, reason);
  }

  #interactionTarget(): GatewaySession[] {
    const sessions = [...this.#sessions.values()];
    const live = sessions.filter((session) => this.#connectionOf(session));
    const chosen = live.at(-1) ?? sessions.at(-1);
    return chosen ? [chosen] : [];
  }

  #identified(): Connection[] {
    return [...this.#connections].filter((c) => c.session && c.socket.readyState === WebSocket.OPEN);
  }

  #connectionOf(session: GatewaySession): Connection | undefined {
    for (const connection of this.#connections) if (connection.session === session && connection.socket.readyState === WebSocket.OPEN) return connection;
    return undefined;
  }

  #send(connection: Connection, payload: unknown): void {
    if (connection.socket.readyState === WebSocket.OPEN) connection.socket.send(JSON.stringify(payload));
  }

  #record(event: Omit<GatewayEvent, 'at'>): void {
    const full = { ...event, at: Date.now() };
    this.history.push(full);
    this.emit('event', full);
  }
}
