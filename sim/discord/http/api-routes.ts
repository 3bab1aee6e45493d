import { callbackRoutes } from "../interactions/callback";
import { webhookRoutes } from "../interactions/webhooks";
import { authorizeRoutes } from "../oauth/authorize";
import { tokenRoutes } from "../oauth/token";
import { channelRoutes } from "../rest/channels";
import { commandRoutes } from "../rest/commands";
import { gatewayInfoRoutes } from "../rest/gateway-info";
import { guildRoutes } from "../rest/guilds";
import { userRoutes } from "../rest/users";
import { type Route } from "./router";

/** Every REST route the sim serves under /api and /api/vN; first match wins, so literals precede params. */
export const apiRoutes: readonly Route[] = [
  ...authorizeRoutes,
  ...tokenRoutes,
  ...userRoutes,
  ...guildRoutes,
  ...gatewayInfoRoutes,
  ...commandRoutes,
  ...channelRoutes,
  ...callbackRoutes,
  ...webhookRoutes,
];
