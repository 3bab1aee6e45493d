import { type GatewayHub } from "./gateway/gateway-hub";
import { type SimState } from "./state";

export type SimUrls = {
  /** http://HOST:PORT */
  url: string;
  /** `${url}/api`, the REST base (DISCORD_API_URL, discord.js `rest.api`). */
  apiUrl: string;
  /** ws://HOST:PORT/gateway, what `GET /gateway/bot` hands out. */
  gatewayUrl: string;
};

/** The pieces every route and API method works with. */
export type SimCore = { state: SimState; gateway: GatewayHub; urls: SimUrls };
