export type Logger = {
  info(message: string): void;
  warn(message: string, cause?: unknown): void;
  error(message: string, cause?: unknown): void;
};

function detail(cause: unknown): string {
  if (cause === undefined) return "";
  if (cause instanceof Error) return `: ${cause.message}`;
  return `: ${String(cause)}`;
}

/** One line per message on stdout/stderr, prefixed so the journal shows where it came from; never a secret. */
export function createLogger(prefix = "[bot]"): Logger {
  return {
    info: (message) => console.log(`${prefix} ${message}`),
    warn: (message, cause) => console.warn(`${prefix} ${message}${detail(cause)}`),
    error: (message, cause) => {
      console.error(`${prefix} ${message}${detail(cause)}`);
      // Unexpected failures keep their stack for whoever reads the journal.
      if (cause instanceof Error && cause.stack && !(cause as { code?: unknown }).code) console.error(cause.stack);
    },
  };
}

/** A logger that drops everything: tests and benchmarks that only look at behaviour. */
export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
