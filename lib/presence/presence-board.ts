/** Someone with the game open right now, and what their game says they are doing ("Level 3"), if anything. */
export type Player = { id: string; name: string; avatarUrl: string | null; status: string | null };

/** How long a heartbeat counts: the play page beats every 30 s while visible, so one missed beat is tolerated. */
export const PRESENCE_TTL_MS = 75_000;

/**
 * Who has each game open, from heartbeats of the play page. A WASM game makes no requests once loaded, so this
 * is the only way to know it is being played (and the idle auto-stop's signal). Held in memory: after a restart
 * players reappear with their next beat.
 */
export class PresenceBoard {
  private readonly games = new Map<string, Map<string, Player & { lastSeen: number }>>();
  private readonly lastActivity = new Map<string, number>();

  /**
   * Records a heartbeat; a status of undefined keeps the player's last one. True when the card's player list
   * changed: the player just joined, or their status is new.
   */
  beat(gameId: string, player: Omit<Player, "status"> & { status?: string | null }, now = Date.now()): boolean {
    let players = this.games.get(gameId);
    if (!players) this.games.set(gameId, (players = new Map()));
    const before = players.get(player.id);
    const status = player.status === undefined ? (before?.status ?? null) : player.status;
    players.set(player.id, { ...player, status, lastSeen: now });
    this.lastActivity.set(gameId, now);
    return !before || before.status !== status;
  }

  /** Removes a player at once (the page was closed). True when someone left. */
  leave(gameId: string, playerId: string): boolean {
    return this.games.get(gameId)?.delete(playerId) ?? false;
  }

  players(gameId: string, now = Date.now()): Player[] {
    const players = [...(this.games.get(gameId)?.values() ?? [])].filter((p) => now - p.lastSeen < PRESENCE_TTL_MS);
    return players.sort((a, b) => a.name.localeCompare(b.name)).map(({ id, name, avatarUrl, status }) => ({ id, name, avatarUrl, status }));
  }

  /** Epoch ms of the game's last heartbeat, if any since the portal started. */
  lastSeen(gameId: string): number | undefined {
    return this.lastActivity.get(gameId);
  }

  /** Drops players whose heartbeats stopped; returns the games whose player list changed. */
  prune(now = Date.now()): string[] {
    const changed: string[] = [];
    for (const [gameId, players] of this.games) {
      for (const [id, player] of players) {
        if (now - player.lastSeen >= PRESENCE_TTL_MS) {
          players.delete(id);
          if (!changed.includes(gameId)) changed.push(gameId);
        }
      }
    }
    return changed;
  }
}
