import { channelObject, guildObject, memberObject, roleObjects } from "../discord-objects";
import { discordError, jsonReply, type Reply } from "../http/reply";
import { type RequestContext, type Route } from "../http/router";
import { rejectUnlessBot, rejectUnlessOurGuild } from "./require-auth";

/** Bot-token guild routes: the guild, its roles and channels, and one member (no privileged intent needed). */
function guildRoute(answer: (ctx: RequestContext) => Reply): Route["handler"] {
  return (ctx) => rejectUnlessBot(ctx) ?? rejectUnlessOurGuild(ctx, ctx.params.guildId) ?? answer(ctx);
}

const getGuild = guildRoute((ctx) => jsonReply(200, guildObject(ctx.state, ctx.query.get("with_counts") === "true")));

const getRoles = guildRoute((ctx) => jsonReply(200, roleObjects(ctx.state)));

const getChannels = guildRoute((ctx) => jsonReply(200, ctx.state.guild.channels.map((c) => channelObject(ctx.state, c.id))));

const getMember = guildRoute((ctx) => {
  const member = memberObject(ctx.state, ctx.params.userId ?? "");
  return member ? jsonReply(200, member) : discordError(404, 10007, "Unknown Member");
});

export const guildRoutes: Route[] = [
  { method: "GET", pattern: "/guilds/:guildId", handler: getGuild },
  { method: "GET", pattern: "/guilds/:guildId/roles", handler: getRoles },
  { method: "GET", pattern: "/guilds/:guildId/channels", handler: getChannels },
  { method: "GET", pattern: "/guilds/:guildId/members/:userId", handler: getMember },
];
