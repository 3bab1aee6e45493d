import { generateSnowflake } from "../ids";

type Json = Record<string, unknown>;

type CommandSet = {
  /** Bodies exactly as the last bulk overwrite sent them. */
  payloads: unknown[];
  /** What Discord echoes back: the payloads plus ids, version and defaults. */
  registered: Json[];
};

const GLOBAL = "global";

/** Registered application commands, global and per guild (each a bulk-overwrite target). */
export class CommandStore {
  private readonly sets = new Map<string, CommandSet>();

  /**
   * Replaces a scope's commands. Like Discord, a command keeps its id when a command of the same name and
   * type existed before; every write gets a new version.
   */
  overwrite(applicationId: string, guildId: string | null, payloads: Json[]): Json[] {
    const key = guildId ?? GLOBAL;
    const previous = this.sets.get(key)?.registered ?? [];
    const registered = payloads.map((payload) => {
      const type = typeof payload.type === "number" ? payload.type : 1;
      const kept = previous.find((c) => c.name === payload.name && c.type === type);
      return {
        name_localizations: null,
        description_localizations: null,
        options: [],
        default_member_permissions: null,
        nsfw: false,
        integration_types: [0],
        contexts: null,
        ...payload,
        id: kept?.id ?? generateSnowflake(),
        application_id: applicationId,
        version: generateSnowflake(),
        type,
        description: payload.description ?? "",
        ...(guildId ? { guild_id: guildId } : {}),
      };
    });
    this.sets.set(key, { payloads: structuredClone(payloads), registered });
    return structuredClone(registered);
  }

  registered(guildId: string | null): Json[] {
    return structuredClone(this.sets.get(guildId ?? GLOBAL)?.registered ?? []);
  }

  payloads(guildId: string | null): unknown[] {
    return structuredClone(this.sets.get(guildId ?? GLOBAL)?.payloads ?? []);
  }

  /** A chat-input command by name: the guild's registration first, then the global one. */
  findByName(guildId: string, name: string): Json | undefined {
    const match = (c: Json) => c.name === name && c.type === 1;
    return this.sets.get(guildId)?.registered.find(match) ?? this.sets.get(GLOBAL)?.registered.find(match);
  }
}
