import {
  DEFAULT_HEARTBEAT_INTERVAL_MS,
  DEFAULT_INTERACTION_DEADLINE_MS,
  type DiscordSimConfig,
  type SimUser,
} from "./config";
import { SimClock } from "./clock";
import { discordTimestamp, generateSnowflake, isoTimestampOf } from "./ids";
import { CommandStore } from "./rest/command-store";
import { InteractionStore } from "./interactions/interaction-store";
import { MessageStore } from "./messages/message-store";
import { OAuthStore } from "./oauth/oauth-store";
import { BOT_ROLE_PERMISSIONS, computeBasePermissions } from "./permissions";
import { RateLimiter } from "./http/rate-limiter";

export type AuthKind = "bot" | "bearer" | "basic" | "none";

export type RecordedRequest = {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  auth: AuthKind;
  status: number;
  at: number;
};

export type MemberRecord = { roles: string[]; nick: string | null; joinedAt: string };

/** Everything the sim knows, shared by the HTTP routes, the gateway and the programmatic API. */
export class SimState {
  readonly users = new Map<string, SimUser>();
  readonly members = new Map<string, MemberRecord>();
  readonly clock = new SimClock();
  readonly oauth = new OAuthStore(() => this.clock.now());
  readonly commands = new CommandStore();
  readonly messages = new MessageStore(() => this.clock.now());
  readonly interactions = new InteractionStore();
  readonly rateLimits: RateLimiter;
  readonly requests: RecordedRequest[] = [];
  readonly deadlineMs: number;
  readonly heartbeatIntervalMs: number;
  /** The managed role Discord creates for a bot when it joins a guild. */
  readonly botRoleId = generateSnowflake();
  readonly botJoinedAt = discordTimestamp(Date.now());

  constructor(readonly config: DiscordSimConfig) {
    this.deadlineMs = config.interactionDeadlineMs ?? DEFAULT_INTERACTION_DEADLINE_MS;
    this.heartbeatIntervalMs = config.heartbeatIntervalMs ?? DEFAULT_HEARTBEAT_INTERVAL_MS;
    this.rateLimits = new RateLimiter(config.routeRateLimit);
    const joinedAt = isoTimestampOf(config.guild.id);
    for (const user of config.users) {
      this.users.set(user.id, user);
      if (user.member) this.members.set(user.id, { roles: [...user.member.roles], nick: user.member.nick ?? null, joinedAt });
    }
  }

  get guild(): DiscordSimConfig["guild"] {
    return this.config.guild;
  }

  get bot(): DiscordSimConfig["bot"] {
    return this.config.bot;
  }

  /** Finds a user by id, username or display name (the login_hint convention). */
  findUser(hint: string): SimUser | undefined {
    const lower = hint.toLowerCase();
    return (
      this.users.get(hint) ??
      [...this.users.values()].find((u) => u.username.toLowerCase() === lower || u.globalName?.toLowerCase() === lower)
    );
  }

  isBotToken(token: string): boolean {
    return token === this.config.bot.token;
  }

  hasChannel(channelId: string): boolean {
    return this.config.guild.channels.some((channel) => channel.id === channelId);
  }

  /** Joins, re-roles or (with null) kicks a user; roles must exist and the owner cannot leave. */
  setMember(userId: string, member: { roles: string[]; nick?: string | null } | null): void {
    if (!this.users.has(userId)) throw new Error(`Unknown sim user ${userId}`);
    if (member === null) {
      if (userId === this.config.guild.ownerId) throw new Error("The guild owner cannot leave the guild");
      this.members.delete(userId);
      return;
    }
    const unknown = member.roles.filter((roleId) => !this.config.guild.roles.some((role) => role.id === roleId));
    if (unknown.length > 0) throw new Error(`Unknown role id(s): ${unknown.join(", ")}`);
    const previous = this.members.get(userId);
    this.members.set(userId, {
      roles: [...member.roles],
      nick: member.nick !== undefined ? member.nick : (previous?.nick ?? null),
      joinedAt: previous?.joinedAt ?? discordTimestamp(this.clock.now()),
    });
  }

  /** A member's guild-wide permissions, as the `permissions` string in interaction payloads. */
  permissionsOf(userId: string): bigint {
    if (userId === this.config.bot.userId) return computeBasePermissions({ isOwner: false, rolePermissions: [BOT_ROLE_PERMISSIONS] });
    const member = this.members.get(userId);
    const rolePermissions = (member?.roles ?? []).map((roleId) => {
      const role = this.config.guild.roles.find((r) => r.id === roleId);
      return BigInt(role?.permissions ?? "0");
    });
    return computeBasePermissions({ isOwner: userId === this.config.guild.ownerId, rolePermissions });
  }
}
