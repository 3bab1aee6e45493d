// Folder boundaries from STYLE.md, enforced here rather than by memory.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const simulators = {
  group: ["**/sim/**", "@/sim/*", "@/sim/**"],
  message: "Production code never imports the simulators in sim/.",
};
const portalNotBot = { group: ["discord.js", "@/bot/*", "**/bot/**"], message: "The portal does not import the bot." };
const frameworks = ["next", "next/*", "react", "react-dom", "react/*", "next-auth", "next-auth/*", "@auth/*", "server-only", "discord.js", "@discordjs/*"];

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  globalIgnores([".next/**", "node_modules/**", "next-env.d.ts", "games-demo/*/web/**", "deploy/out/**", "test-results/**", "playwright-report/**"]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-console": "off",
    },
  },
  {
    files: ["lib/**/*.ts"],
    ignores: ["lib/auth/**"],
    rules: {
      "no-restricted-imports": ["error", {
        paths: frameworks.filter((f) => !f.includes("*")).map((name) => ({ name, message: "lib/ is framework-free (STYLE.md habit 8)." })),
        patterns: [
          { group: frameworks.filter((f) => f.includes("*")), message: "lib/ is framework-free (STYLE.md habit 8)." },
          { group: ["@/app/*", "@/components/*", "@/bot/*", "**/app/**", "**/components/**", "**/bot/**"], message: "lib/ is the core; it never imports the edges." },
          simulators,
        ],
      }],
    },
  },
  {
    files: ["bot/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        paths: ["next", "react", "react-dom", "next-auth", "server-only"].map((name) => ({ name, message: "The bot never imports the portal's frameworks." })),
        patterns: [
          { group: ["next/*", "next-auth/*", "@/app/*", "**/app/**", "@/components/*", "**/components/**"], message: "The bot never imports the portal's frameworks or pages." },
          // An allow-list: of lib/ the bot may use only the HTTP API client and its schemas, the env reader, the
          // error type and the pure formatting both faces share. Everything else there (control-plane, status,
          // events, lifecycle, proxmox, db, presence, auth, …) is the portal's inside.
          {
            group: [
              "@/lib/*", "**/lib/**",
              "!@/lib/api", "!@/lib/api/*", "!**/lib/api", "!**/lib/api/*",
              "!@/lib/env", "!**/lib/env",
              "!@/lib/errors", "!**/lib/errors",
              "!@/lib/format", "!@/lib/format/*", "!**/lib/format", "!**/lib/format/*",
            ],
            message: "The bot is a client of the portal's HTTP API: of lib/ it imports only lib/api, lib/env, lib/errors and lib/format.",
          },
          simulators,
        ],
      }],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}", "lib/auth/**/*.ts", "proxy.ts", "instrumentation.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [simulators, portalNotBot],
      }],
    },
  },
  {
    // Imports flow downward: routes (app/) use components, components use lib/; a route's server action reaches
    // a component as a prop.
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [simulators, portalNotBot, { group: ["@/app/*", "**/app/**"], message: "Components never import routes or their server actions from app/; pass an action down as a prop." }],
      }],
    },
  },
  {
    files: ["tests/e2e/**/*.spec.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        paths: [{ name: "@playwright/test", importNames: ["test", "expect"], message: "Import test and expect from ./support/test: it fails a test on any Content-Security-Policy violation." }],
      }],
    },
  },
  {
    files: ["sim/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [{ group: ["@/lib/*", "**/lib/**", "@/app/*", "**/app/**", "@/bot/*", "**/bot/**"], message: "Simulators are standalone: they speak the protocol, they do not share our code." }],
      }],
    },
  },
]);
