import type { GameSettings } from "../db";
import type { Game } from "../games";
import type { LifecycleContext } from "./context";

export type GameSettingValues = { bootTimeoutSec: number; shutdownTimeoutSec: number; idleStopMinutes: number };

/** A game's settings three ways: what admins stored (null = not set), what applies without that, and what is in force. */
export type ResolvedGameSettings = { stored: GameSettings; defaults: GameSettingValues; effective: GameSettingValues };

/**
 * The one place that resolves a game's settings: the admin's stored value, else game.json, else the portal's
 * default. The views, the admin page's form and the idle auto-stop all read it here.
 */
export function resolveGameSettings(ctx: LifecycleContext, game: Game, defaultIdleStopMinutes: number): ResolvedGameSettings {
  const stored = ctx.settings.get(game.id);
  const defaults: GameSettingValues = {
    bootTimeoutSec: game.bootTimeoutSec,
    shutdownTimeoutSec: ctx.timing.defaultShutdownTimeoutSec,
    idleStopMinutes: game.idleStopMinutes ?? defaultIdleStopMinutes,
  };
  return {
    stored,
    defaults,
    effective: {
      bootTimeoutSec: stored.bootTimeoutSec ?? defaults.bootTimeoutSec,
      shutdownTimeoutSec: stored.shutdownTimeoutSec ?? defaults.shutdownTimeoutSec,
      idleStopMinutes: stored.idleStopMinutes ?? defaults.idleStopMinutes,
    },
  };
}
