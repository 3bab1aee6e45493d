import type { Server as NetServer } from "node:net";

/** http.Server and https.Server both fit. */
export type ClosableServer = NetServer & { closeAllConnections(): void };

const RETRIES = 40;
const RETRY_MS = 50;

function listenOnce(server: ClosableServer, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => {
      server.off("listening", onListening);
      reject(error);
    };
    const onListening = (): void => {
      server.off("error", onError);
      resolve();
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen(port, host);
  });
}

/**
 * A listener that can be switched off (connections refused, open ones cut) and on again on the same port,
 * like a daemon that stops and starts. Switches are applied in order, one at a time.
 */
export class ToggledListener {
  private chain: Promise<void> = Promise.resolve();
  private wanted = false;

  constructor(
    private readonly server: ClosableServer,
    private readonly host: string,
    public port: number,
  ) {}

  get listening(): boolean {
    return this.server.listening;
  }

  set(wanted: boolean): Promise<void> {
    this.wanted = wanted;
    this.chain = this.chain.then(() => this.reconcile()).catch((error: unknown) => {
      console.error(`proxmox sim: listener on ${this.host}:${this.port}: ${error instanceof Error ? error.message : String(error)}`);
    });
    return this.chain;
  }

  private async reconcile(): Promise<void> {
    if (this.wanted && !this.server.listening) await this.open();
    else if (!this.wanted && this.server.listening) await this.shut();
  }

  private async open(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await listenOnce(this.server, this.host, this.port);
        const address = this.server.address();
        if (address && typeof address === "object") this.port = address.port;
        return;
      } catch (error) {
        // Reopening the same port can briefly collide with a socket still closing.
        if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE" || attempt >= RETRIES) throw error;
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
  }

  private shut(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}
