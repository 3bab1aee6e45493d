import { z } from "zod";

/** `games/<id>/game.json`: the fields of docs/games.md, with what a person needs to fix each one. */
export const gameIdPattern = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
const nodePattern = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$/;

/**
 * zod reports a missing field and one of the wrong type (`"vmid": "2201"`) as the same issue; only its input
 * tells them apart, and each needs its own fix.
 */
const required = (ifMissing: string, ifWrongType: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? `is required: ${ifMissing}` : `must be ${ifWrongType}`),
});

const webUrl = (field: string, example: string, ifMissing?: string) =>
  z
    .string(
      ifMissing
        ? required(`${ifMissing}, e.g. "${field}": "${example}"`, `a text URL in quotes, e.g. "${field}": "${example}"`)
        : { error: `must be a text URL, e.g. "${field}": "${example}"` },
    )
    .refine((v) => /^https?:\/\//.test(v) && URL.canParse(v), {
      error: `must be an http:// or https:// URL, e.g. "${field}": "${example}"`,
    });

export const gameManifestSchema = z
  .object({
    id: z
      .string(required('the folder name, e.g. "id": "cartofia"', 'text in quotes, the folder name, e.g. "id": "cartofia"'))
      .regex(gameIdPattern, { error: 'must use only a-z, 0-9 and "-" (at most 40), e.g. "id": "bomber-raid"' }),
    name: z
      .string(required('the title shown on the card, e.g. "name": "Cartofia"', 'text in quotes, e.g. "name": "Cartofia"'))
      .trim()
      .min(1, { error: 'must not be empty, e.g. "name": "Cartofia"' })
      .max(60, { error: "must be at most 60 characters" }),
    vmid: z
      .number(required('the CT number, e.g. "vmid": 2000', 'a number without quotes, e.g. "vmid": 2000'))
      .int({ error: 'must be a whole number, e.g. "vmid": 2000' })
      .min(100, { error: "must be a Proxmox CT id from 100 to 999999999" })
      .max(999_999_999, { error: "must be a Proxmox CT id from 100 to 999999999" }),
    url: webUrl("url", "https://cartofia.example.com/", "the game's public address"),
    node: z
      .string({ error: 'must be a node name, e.g. "node": "pve"' })
      .regex(nodePattern, { error: 'must be a Proxmox node name such as "pve" (letters, digits, "-")' })
      .optional(),
    probeUrl: webUrl("probeUrl", "http://10.22.0.20/index.html").optional(),
    description: z.string({ error: "must be text" }).max(500, { error: "must be at most 500 characters" }).optional(),
    image: z
      .string({ error: "must be text" })
      .refine((v) => (/^https?:\/\//.test(v) && URL.canParse(v)) || /^[A-Za-z0-9][A-Za-z0-9._-]*\.(png|jpe?g|webp|gif|svg)$/.test(v), {
        error: 'must be an https:// URL or a picture file next to game.json, e.g. "image": "cover.png"',
      })
      .optional(),
    bootTimeoutSec: z
      .number({ error: 'must be a number of seconds, e.g. "bootTimeoutSec": 120' })
      .int({ error: "must be a whole number of seconds" })
      .min(5, { error: "must be from 5 to 900 seconds" })
      .max(900, { error: "must be from 5 to 900 seconds" })
      .optional(),
    controls: z
      .array(z.string({ error: "each entry must be text" }).max(80, { error: "each entry must be at most 80 characters" }), {
        error: 'must be a list of short lines, e.g. "controls": ["Arrow keys: move", "Space: jump"]',
      })
      .max(12, { error: "must have at most 12 lines" })
      .optional(),
    aspectRatio: z
      .string({ error: 'must be text such as "16/9"' })
      .regex(/^\d{1,4}\/\d{1,4}$/, { error: 'must be width/height, e.g. "aspectRatio": "16/9"' })
      .optional(),
    upstream: webUrl("upstream", "http://10.22.0.20:80").optional(),
    idleStopMinutes: z
      .number({ error: 'must be a number of minutes, e.g. "idleStopMinutes": 30 (0 = never)' })
      .int({ error: "must be a whole number of minutes" })
      .min(0, { error: "must be from 0 (never) to 1440 minutes" })
      .max(1440, { error: "must be from 0 (never) to 1440 minutes" })
      .optional(),
    maxScore: z
      .number({ error: 'must be a number of points, e.g. "maxScore": 100000' })
      .int({ error: "must be a whole number of points" })
      .min(1, { error: `must be from 1 to ${Number.MAX_SAFE_INTEGER}` })
      .max(Number.MAX_SAFE_INTEGER, { error: `must be from 1 to ${Number.MAX_SAFE_INTEGER}` })
      .optional(),
    multiplayer: z
      .boolean({ error: 'must be true or false without quotes, e.g. "multiplayer": true' })
      .optional(),
  })
  .strict();

export type GameManifestInput = z.input<typeof gameManifestSchema>;

/** A validated game with defaults applied. */
export type Game = {
  id: string;
  name: string;
  vmid: number;
  url: string;
  node: string | undefined;
  probeUrl: string;
  description: string;
  image: string | undefined;
  bootTimeoutSec: number;
  controls: string[];
  aspectRatio: string;
  upstream: string;
  /** Minutes with nobody playing before the CT is shut down; undefined = the portal's default, 0 = never. */
  idleStopMinutes: number | undefined;
  /** The highest score the portal accepts for one run; more is refused as a cheat or a bug. */
  maxScore: number;
  /** Players share one world (they join each other); false = everyone runs their own copy of the game. */
  multiplayer: boolean;
  /** Folder that holds game.json. */
  dir: string;
};

export const DEFAULT_BOOT_TIMEOUT_SEC = 120;
