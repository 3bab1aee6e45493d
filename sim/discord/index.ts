import { type AddressInfo } from "node:net";
import { parseDiscordSimConfig, type DiscordSimConfig } from "./config";
import { controlRoutes } from "./control/routes";
import { type SimCore, type SimUrls } from "./core";
import { GatewayHub } from "./gateway/gateway-hub";
import { apiRoutes } from "./http/api-routes";
import { createSimServer } from "./http/server";
import { createDiscordSimApi, type DiscordSim } from "./sim-api";
import { SimState } from "./state";

export { parseDiscordSimConfig, displayNameOf, type DiscordSimConfig, type SimUser } from "./config";
export { type DiscordSim } from "./sim-api";
export { type SimInteraction } from "./interactions/sim-interaction";
export { type SimInteractionResponse } from "./interactions/interaction-store";
export { type SimMessage } from "./messages/sim-message";
export { type RecordedRequest, type AuthKind } from "./state";
export { type CommandInput, type AutocompleteInput, type ButtonInput } from "./interactions/dispatch-inputs";

export type DiscordSimOptions = { host?: string; port?: number };

/**
 * Starts the Discord emulator on loopback: OAuth2 for the portal, REST and the Gateway for discord.js.
 * Port 0 (the default) picks a free port; read it from `sim.url`.
 */
export async function startDiscordSim(config: DiscordSimConfig, options: DiscordSimOptions = {}): Promise<DiscordSim> {
  const state = new SimState(parseDiscordSimConfig(config));
  const host = options.host ?? "127.0.0.1";
  // Filled in once the port is known; routes only read it while serving requests.
  const urls: SimUrls = { url: "", apiUrl: "", gatewayUrl: "" };
  const gateway = new GatewayHub(state, urls);
  const core: SimCore = { state, gateway, urls };
  const server = createSimServer(core, apiRoutes, controlRoutes);
  server.on("upgrade", (req, socket, head) => gateway.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const hostForUrl = host.includes(":") ? `[${host}]` : host;
  urls.url = `http://${hostForUrl}:${port}`;
  urls.apiUrl = `${urls.url}/api`;
  urls.gatewayUrl = `ws://${hostForUrl}:${port}/gateway`;
  return createDiscordSimApi(core, server);
}
