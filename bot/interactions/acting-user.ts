import { GuildMember, type ChatInputCommandInteraction } from "discord.js";
import type { ActingUser } from "@/lib/api/schemas";

const snowflake = /^\d{17,20}$/;

export type MemberFacts = {
  userId: string;
  displayName: string;
  avatarUrl: string | null;
  roleIds: Iterable<string>;
  guildId: string | null;
  ownerId: string | null;
};

/**
 * The Discord user the portal should judge, as facts from the interaction: the portal, not the bot, decides
 * what they may do (admin roles, guild owner). @everyone is left out: it is the guild's id, not a role anyone chose.
 */
export function toActingUser(facts: MemberFacts): ActingUser {
  const roles = [...new Set(facts.roleIds)].filter((id) => snowflake.test(id) && id !== facts.guildId).slice(0, 250);
  const name = facts.displayName.trim().slice(0, 100) || facts.userId;
  return {
    id: facts.userId,
    name,
    avatarUrl: facts.avatarUrl,
    roles,
    isGuildOwner: facts.ownerId !== null && facts.ownerId === facts.userId,
  };
}

/** Reads the facts off a discord.js interaction (a cached GuildMember or the raw member the gateway sent). */
export async function actingUserOf(interaction: Pick<ChatInputCommandInteraction, "user" | "member" | "guild" | "guildId" | "client">): Promise<ActingUser> {
  const { user, member } = interaction;
  const guild = interaction.guild ?? (interaction.guildId ? await interaction.client.guilds.fetch(interaction.guildId).catch(() => null) : null);
  const roleIds = member instanceof GuildMember ? member.roles.cache.keys() : (member?.roles ?? []);
  const displayName = member instanceof GuildMember ? member.displayName : (member?.nick ?? user.globalName ?? user.username);
  return toActingUser({
    userId: user.id,
    displayName,
    avatarUrl: user.displayAvatarURL({ extension: "png", size: 128 }),
    roleIds,
    guildId: interaction.guildId,
    ownerId: guild?.ownerId ?? null,
  });
}
