import { z } from "zod";

// Bucketing in @discordjs/rest and avatar maths in Auth.js both assume real 17-19 digit snowflakes.
const snowflake = z.string().regex(/^\d{17,19}$/, "must be a 17-19 digit snowflake");
const permissionBits = z.string().regex(/^\d+$/, "must be a decimal permission bitfield string");

const simUserSchema = z.strictObject({
  id: snowflake,
  username: z.string().min(2).max(32),
  globalName: z.string().nullable().optional(),
  avatar: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
  member: z.strictObject({ roles: z.array(snowflake), nick: z.string().nullable().optional() }).optional(),
});

const configShape = z.strictObject({
  guild: z.strictObject({
    id: snowflake,
    name: z.string().min(2).max(100),
    ownerId: snowflake,
    roles: z.array(z.strictObject({ id: snowflake, name: z.string().min(1).max(100), permissions: permissionBits.optional() })),
    channels: z.array(z.strictObject({ id: snowflake, name: z.string().min(1).max(100), topic: z.string().nullable().optional() })),
  }),
  users: z.array(simUserSchema),
  oauthClients: z
    .array(
      z.strictObject({
        clientId: z.string().min(1),
        clientSecret: z.string().min(1),
        name: z.string().min(1).optional(),
        redirectUris: z.array(z.url()).optional(),
      }),
    )
    .min(1),
  bot: z.strictObject({ token: z.string().min(1), applicationId: snowflake, userId: snowflake, username: z.string().min(2).max(32) }),
  interactionDeadlineMs: z.number().int().positive().optional(),
  heartbeatIntervalMs: z.number().int().positive().optional(),
  /** Requests per route bucket (and top-level resource) per window; default 50 per second. */
  routeRateLimit: z.strictObject({ limit: z.number().int().positive(), windowMs: z.number().int().positive() }).optional(),
});

const discordSimConfigSchema = configShape.superRefine((config, ctx) => {
  const problem = (message: string, path: PropertyKey[]) => ctx.addIssue({ code: "custom", message, path });
  const userIds = new Set<string>();
  config.users.forEach((user, i) => {
    if (userIds.has(user.id)) problem(`duplicate user id ${user.id}`, ["users", i, "id"]);
    userIds.add(user.id);
  });
  const roleIds = new Set(config.guild.roles.map((role) => role.id));
  if (roleIds.has(config.guild.id)) problem("a role may not use the guild id (that is @everyone's id)", ["guild", "roles"]);
  config.users.forEach((user, i) => {
    user.member?.roles.forEach((roleId, j) => {
      if (!roleIds.has(roleId)) problem(`role ${roleId} is not one of guild.roles`, ["users", i, "member", "roles", j]);
    });
  });
  const owner = config.users.find((user) => user.id === config.guild.ownerId);
  if (!owner?.member) problem("guild.ownerId must name a configured user with a member entry", ["guild", "ownerId"]);
  if (userIds.has(config.bot.userId)) problem("bot.userId must not also be a configured user", ["bot", "userId"]);
});

export type SimUser = z.infer<typeof simUserSchema>;
export type DiscordSimConfig = z.infer<typeof discordSimConfigSchema>;

export const DEFAULT_INTERACTION_DEADLINE_MS = 3_000;
export const DEFAULT_HEARTBEAT_INTERVAL_MS = 41_250;

/** Validates a sim config (from code or a JSON file) and names every problem at once. */
export function parseDiscordSimConfig(input: unknown): DiscordSimConfig {
  const result = discordSimConfigSchema.safeParse(input);
  if (!result.success) throw new Error(`Invalid Discord sim config:\n${z.prettifyError(result.error)}`);
  return result.data;
}

/** The name users see for someone: Discord shows global_name first, then the username. */
export function displayNameOf(user: SimUser): string {
  return user.globalName ?? user.username;
}
