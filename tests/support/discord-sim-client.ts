import { once } from "node:events";
import { Client, Events, GatewayIntentBits } from "discord.js";
import demoConfig from "@/sim/discord/demo-config.json";
import { startDiscordSim, type DiscordSim } from "@/sim/discord";

export type SimWithClient = { sim: DiscordSim; client: Client; close(): Promise<void> };

/**
 * sim/discord with the demo config and a real discord.js client logged in over its gateway (the Guilds intent,
 * as the bot uses). `prepare` runs before login, to attach handlers that must see the first events.
 */
export async function startSimWithClient(prepare: (client: Client) => void = () => undefined): Promise<SimWithClient> {
  const sim = await startDiscordSim({ ...demoConfig, heartbeatIntervalMs: 500 });
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: sim.apiUrl } });
  prepare(client);
  const ready = once(client, Events.ClientReady);
  await client.login(demoConfig.bot.token);
  await ready;
  return {
    sim,
    client,
    async close() {
      await client.destroy();
      await sim.close();
    },
  };
}
