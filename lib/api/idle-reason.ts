/**
 * The words the idle auto-stop records as its reason. They name nothing internal, so members read them as they
 * are (game-visibility.ts), and the Play screen recognises them to say "went to sleep" with "Wake it again".
 */
export function idleReason(minutes: number): string {
  return `nobody played for ${minutes} min`;
}

export const IDLE_REASON = /^nobody played for \d+ min$/;
