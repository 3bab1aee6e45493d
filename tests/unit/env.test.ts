import { describe, expect, it } from "vitest";
import { ConfigError, readBotEnv, readPortalEnv } from "@/lib/env";

const good = {
  PROXMOX_URL: "https://pve.lan:8006",
  PROXMOX_TOKEN_ID: "arcade@pve!portal",
  PROXMOX_TOKEN_SECRET: "1b4c2a0e-5f7d-4c3e-9a1b-2d3e4f5a6b7c",
  AUTH_SECRET: "x".repeat(40),
  AUTH_DISCORD_ID: "123456789012345678",
  AUTH_DISCORD_SECRET: "secret",
  DISCORD_GUILD_ID: "223456789012345678",
  DISCORD_TOKEN: "bot-token",
};

function problems(env: Record<string, string | undefined>): string[] {
  try {
    readPortalEnv(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  return [];
}

describe("portal configuration", () => {
  it("accepts a complete configuration and applies defaults", () => {
    const env = readPortalEnv(good);
    expect(env.proxmox.baseUrl).toBe("https://pve.lan:8006");
    expect(env.gamesDir).toBe("games");
    expect(env.discord.apiUrl).toBe("https://discord.com/api");
    expect(env.demo).toBe(false);
  });

  it("limits request bodies to 64 kB unless ARCADE_BODY_LIMIT_KB says otherwise, and names a bad value", () => {
    expect(readPortalEnv(good).bodyLimitBytes).toBe(64 * 1024);
    expect(readPortalEnv({ ...good, ARCADE_BODY_LIMIT_KB: "8" }).bodyLimitBytes).toBe(8 * 1024);
    expect(problems({ ...good, ARCADE_BODY_LIMIT_KB: "lots" })).toEqual(['ARCADE_BODY_LIMIT_KB must be a whole number from 1 to 1024 (got "lots")']);
  });

  it("takes avatars from Discord's CDN, or from the simulator the API points at", () => {
    expect(readPortalEnv(good).discord.cdnUrl).toBe("https://cdn.discordapp.com");
    expect(readPortalEnv({ ...good, DISCORD_API_URL: "http://127.0.0.1:3001/api" }).discord.cdnUrl).toBe("http://127.0.0.1:3001");
  });

  it("reports every bad variable at once, each with a fix", () => {
    const list = problems({ ...good, PROXMOX_TOKEN_ID: "arcade", PROXMOX_TOKEN_SECRET: "nope", AUTH_SECRET: "short", DISCORD_GUILD_ID: undefined });
    expect(list).toHaveLength(4);
    expect(list.join("\n")).toMatch(/PROXMOX_TOKEN_ID must look like user@realm!tokenname/);
    expect(list.join("\n")).toMatch(/PROXMOX_TOKEN_SECRET must be the token's UUID secret/);
    expect(list.join("\n")).toMatch(/AUTH_SECRET must be at least 32 characters: generate one with/);
    expect(list.join("\n")).toMatch(/DISCORD_GUILD_ID is not set: copy the server id/);
  });

  it("accepts the seed's PROXMOX_HOST, PROXMOX_PORT and PROXMOX_VERIFY_SSL", () => {
    const env = readPortalEnv({ ...good, PROXMOX_URL: undefined, PROXMOX_HOST: "10.0.0.2", PROXMOX_PORT: "8007", PROXMOX_VERIFY_SSL: "false" });
    expect(env.proxmox.baseUrl).toBe("https://10.0.0.2:8007");
    expect(env.proxmox.insecureTls).toBe(true);
  });

  it("names PROXMOX_URL when no address is given", () => {
    expect(problems({ ...good, PROXMOX_URL: undefined })).toEqual([expect.stringMatching(/^PROXMOX_URL is not set: give the API address/)]);
  });

  it("refuses a plain-http PROXMOX_URL, where the token would travel in clear, except for the simulator on loopback", () => {
    expect(problems({ ...good, PROXMOX_URL: "http://pve.lan:8006" })).toEqual([
      expect.stringMatching(/^PROXMOX_URL must start with https:\/\/ \(got "http:\/\/pve.lan:8006"\): over plain HTTP the API token would travel in clear/),
    ]);
    expect(problems({ ...good, PROXMOX_URL: undefined, PROXMOX_HOST: "http://10.0.0.2" })).toEqual([]);
    expect(readPortalEnv({ ...good, PROXMOX_URL: "http://127.0.0.1:8006" }).proxmox.baseUrl).toBe("http://127.0.0.1:8006");
    expect(readPortalEnv({ ...good, PROXMOX_URL: "http://[::1]:8006" }).proxmox.baseUrl).toBe("http://[::1]:8006");
  });

  it("normalises a pinned fingerprint and rejects a malformed one", () => {
    const hex = "ab".repeat(32);
    expect(readPortalEnv({ ...good, PROXMOX_FINGERPRINT: hex }).proxmox.fingerprint).toBe(hex.toUpperCase().match(/../g)!.join(":"));
    expect(problems({ ...good, PROXMOX_FINGERPRINT: "12:34" })[0]).toMatch(/PROXMOX_FINGERPRINT must be a SHA-256 fingerprint/);
  });

  it("names a CA file that does not exist", () => {
    expect(problems({ ...good, PROXMOX_CA_FILE: "/nope/pve-root-ca.pem" })[0]).toMatch(/PROXMOX_CA_FILE points to a file that does not exist/);
  });

  it("refuses demo mode against a real Proxmox or real Discord", () => {
    const list = problems({ ...good, ARCADE_DEMO: "1" });
    expect(list).toContain("ARCADE_DEMO=1 is only allowed against the Proxmox simulator on loopback: unset ARCADE_DEMO for a real Proxmox");
    expect(list.some((p) => p.startsWith("ARCADE_DEMO=1 is only allowed with the Discord simulator"))).toBe(true);
  });

  it("allows DISCORD_API_URL only for discord.com or loopback", () => {
    expect(problems({ ...good, DISCORD_API_URL: "http://evil.example/api" })[0]).toMatch(/DISCORD_API_URL may only point at/);
    expect(readPortalEnv({ ...good, DISCORD_API_URL: "http://127.0.0.1:9999/api" }).discord.apiUrl).toBe("http://127.0.0.1:9999/api");
  });

  it("explains a bad admin role list", () => {
    expect(problems({ ...good, DISCORD_ADMIN_ROLE_IDS: "123456789012345678, admins" })[0]).toMatch(/not ids: admins/);
  });
});

describe("bot configuration", () => {
  it("lists what the bot is missing", () => {
    expect(() => readBotEnv({})).toThrow(ConfigError);
    try {
      readBotEnv({});
    } catch (error) {
      const text = (error as ConfigError).problems.join("\n");
      expect(text).toMatch(/DISCORD_TOKEN is not set/);
      expect(text).toMatch(/DISCORD_APP_ID is not set/);
      expect(text).toMatch(/ARCADE_URL is not set/);
      expect(text).toMatch(/ARCADE_API_TOKEN is not set/);
    }
  });

  const bot = {
    DISCORD_TOKEN: "bot-token",
    DISCORD_APP_ID: "123456789012345678",
    ARCADE_URL: "http://10.0.0.21:3000/",
    ARCADE_API_TOKEN: "a".repeat(32),
  };
  const botProblems = (env: Record<string, string>, purpose?: "run" | "deploy") => {
    try {
      readBotEnv(env, { purpose });
      return [];
    } catch (error) {
      return (error as ConfigError).problems;
    }
  };

  it("needs the arcade's server id to run, but registers commands globally without it", () => {
    expect(botProblems(bot)).toEqual([expect.stringMatching(/^DISCORD_GUILD_ID is not set: the bot answers only in the arcade's server/)]);
    const deploy = readBotEnv(bot, { purpose: "deploy" });
    expect(deploy.discord.guildId).toBeUndefined();
    const run = readBotEnv({ ...bot, DISCORD_GUILD_ID: "223456789012345678" });
    expect(run.arcade).toEqual({ url: "http://10.0.0.21:3000", publicUrl: "http://10.0.0.21:3000", apiToken: "a".repeat(32) });
    expect(run.maxBacklog).toBe(10);
    expect(run.stateFile).toBe("data/bot-state.json");
  });

  it("sends the bot token only to Discord or to the simulator on loopback", () => {
    const env = { ...bot, DISCORD_GUILD_ID: "223456789012345678" };
    expect(botProblems({ ...env, DISCORD_API_URL: "http://127.0.0.1:4100/api" })).toEqual([]);
    expect(botProblems({ ...env, DISCORD_API_URL: "https://discord.example.net/api" })).toEqual([
      "DISCORD_API_URL may only point at https://discord.com/api or at the simulator on loopback",
    ]);
    expect(readBotEnv(env).discord.apiUrl).toBe("https://discord.com/api");
  });

  it("says where to find a malformed application id", () => {
    expect(botProblems({ ...bot, DISCORD_APP_ID: "my-bot" }, "deploy")).toEqual([
      "DISCORD_APP_ID must be an id of 17-20 digits: copy the Application ID from the Discord Developer Portal (your application > General Information)",
    ]);
  });
});
