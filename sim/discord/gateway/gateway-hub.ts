import { type IncomingMessage } from "node:http";
import { type Duplex } from "node:stream";
import { WebSocket, WebSocketServer, type RawData } from "ws";
import { type SimUrls } from "../core";
import { generateSessionId } from "../ids";
import { type SimState } from "../state";
import { guildCreatePayload, readyPayload } from "./ready-payloads";

// Opcodes and close codes from developers/topics/opcodes-and-status-codes.mdx.
const Op = { Dispatch: 0, Heartbeat: 1, Identify: 2, Resume: 6, InvalidSession: 9, Hello: 10, HeartbeatAck: 11 } as const;
const IGNORED_OPS = new Set([3, 4, 8]); // presence, voice state, request guild members
const Close = { UnknownOpcode: 4001, DecodeError: 4002, NotAuthenticated: 4003, AuthenticationFailed: 4004, AlreadyAuthenticated: 4005, InvalidSeq: 4007 };
const GUILDS_INTENT = 1;
const HISTORY_LIMIT = 1000;

type Dispatch = { op: 0; t: string; s: number; d: unknown };
type Session = { id: string; seq: number; history: Dispatch[]; socket: WebSocket | null };
type Frame = { op?: unknown; d?: unknown };

/** The Gateway: HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeats, RESUME with replay, and test dispatches. */
export class GatewayHub {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions = new Map<string, Session>();
  private active: Session | null = null;
  private identifies = 0;

  constructor(
    private readonly state: SimState,
    private readonly urls: SimUrls,
  ) {
    this.wss.on("connection", (socket: WebSocket) => this.accept(socket));
  }

  /** Takes over HTTP upgrades for /gateway (any query, e.g. ?v=10&encoding=json). */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const { pathname } = new URL(req.url ?? "/", "http://sim.invalid");
    if (pathname !== "/gateway") {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit("connection", ws, req));
  }

  identifyCount(): number {
    return this.identifies;
  }

  connections(): number {
    return [...this.wss.clients].filter((s) => s.readyState === WebSocket.OPEN).length;
  }

  /** Sends an event to the bot's session; while it is disconnected the event waits for its RESUME. */
  dispatch(t: string, d: unknown): void {
    const session = this.active;
    if (!session) throw new Error("No bot session on the sim gateway: log the discord.js client in first");
    session.seq += 1;
    const payload: Dispatch = { op: Op.Dispatch, t, s: session.seq, d };
    session.history.push(payload);
    if (session.history.length > HISTORY_LIMIT) session.history.shift();
    if (session.socket?.readyState === WebSocket.OPEN) session.socket.send(JSON.stringify(payload));
  }

  /** Drops every socket without a close frame, like a network failure: the client should RESUME. */
  disconnectAll(): void {
    for (const socket of this.wss.clients) socket.terminate();
  }

  close(): Promise<void> {
    this.disconnectAll();
    return new Promise((resolve) => this.wss.close(() => resolve()));
  }

  private accept(socket: WebSocket): void {
    let session: Session | null = null;
    const send = (payload: unknown) => socket.send(JSON.stringify(payload));
    send({ op: Op.Hello, d: { heartbeat_interval: this.state.heartbeatIntervalMs, _trace: ['["gateway-sim"]'] } });
    socket.on("message", (data: RawData, isBinary: boolean) => {
      const frame = decode(data, isBinary);
      if (!frame) return socket.close(Close.DecodeError, "Error while decoding payload.");
      if (frame.op === Op.Heartbeat) return send({ op: Op.HeartbeatAck });
      if (frame.op === Op.Identify) {
        if (session) return socket.close(Close.AlreadyAuthenticated, "Already authenticated.");
        session = this.identify(socket, frame.d);
        return;
      }
      if (frame.op === Op.Resume) {
        if (session) return socket.close(Close.AlreadyAuthenticated, "Already authenticated.");
        session = this.resume(socket, frame.d);
        return;
      }
      if (!session) return socket.close(Close.NotAuthenticated, "Not authenticated.");
      if (!IGNORED_OPS.has(Number(frame.op))) socket.close(Close.UnknownOpcode, "Unknown opcode.");
    });
    socket.on("close", () => {
      if (session?.socket === socket) session.socket = null;
    });
  }

  private identify(socket: WebSocket, d: unknown): Session | null {
    const data = (d ?? {}) as { token?: unknown; intents?: unknown; shard?: unknown };
    if (typeof data.token !== "string" || !this.state.isBotToken(data.token.replace(/^Bot\s+/i, ""))) {
      socket.close(Close.AuthenticationFailed, "Authentication failed.");
      return null;
    }
    this.identifies += 1;
    const session: Session = { id: generateSessionId(), seq: 0, history: [], socket };
    this.sessions.set(session.id, session);
    this.active = session;
    const shard: [number, number] = isShard(data.shard) ? data.shard : [0, 1];
    this.dispatch("READY", readyPayload(this.state, this.urls, session.id, shard));
    if ((Number(data.intents) & GUILDS_INTENT) !== 0) this.dispatch("GUILD_CREATE", guildCreatePayload(this.state));
    return session;
  }

  private resume(socket: WebSocket, d: unknown): Session | null {
    const data = (d ?? {}) as { token?: unknown; session_id?: unknown; seq?: unknown };
    const session = typeof data.session_id === "string" ? this.sessions.get(data.session_id) : undefined;
    const tokenOk = typeof data.token === "string" && this.state.isBotToken(data.token.replace(/^Bot\s+/i, ""));
    if (!session || !tokenOk) {
      // d:false = not resumable; the client identifies afresh.
      socket.send(JSON.stringify({ op: Op.InvalidSession, d: false }));
      return null;
    }
    const seq = typeof data.seq === "number" ? data.seq : 0;
    if (seq > session.seq) {
      socket.close(Close.InvalidSeq, "Invalid seq.");
      return null;
    }
    if (session.socket && session.socket !== socket) session.socket.terminate();
    session.socket = socket;
    this.active = session;
    for (const missed of session.history.filter((p) => p.s > seq)) socket.send(JSON.stringify(missed));
    this.dispatch("RESUMED", null);
    return session;
  }
}

function decode(data: RawData, isBinary: boolean): Frame | null {
  if (isBinary) return null;
  try {
    const parsed: unknown = JSON.parse(data.toString());
    return typeof parsed === "object" && parsed !== null ? (parsed as Frame) : null;
  } catch {
    return null;
  }
}

function isShard(value: unknown): value is [number, number] {
  return Array.isArray(value) && value.length === 2 && value.every((n) => Number.isInteger(n));
}
