/**
 * The sim's notion of "now". Tests move it forward instead of waiting: Discord's 3-second response deadline, the
 * 15-minute interaction token and OAuth expiries are all measured on it. Rate-limit windows stay on the real
 * clock, because discord.js waits them out in real time.
 */
export class SimClock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  /** Moves the sim's time forward by `ms` (never backwards: Discord's time does not rewind). */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new Error(`The sim clock only moves forward; got ${ms} ms`);
    this.offsetMs += ms;
  }
}
