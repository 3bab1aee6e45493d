import type { ClusterContainer } from "../proxmox";

export type WatcherPorts = {
  listClusterContainers(): Promise<ClusterContainer[]>;
  onCluster(containers: ClusterContainer[]): Promise<void>;
  onUnreachable(error: unknown, wasReachable: boolean): void;
  onReachable(): void;
  /** Polls fast while this is true (a game starting or stopping). */
  isBusy(): boolean;
};

/**
 * The one poller of /cluster/resources for all games and all viewers: fast while anything is in transition,
 * slow otherwise. Viewers subscribe to the status board; Proxmox never sees them.
 */
export class StatusWatcher {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private ticking: Promise<void> | undefined;
  private reachable = true;
  private polls = 0;
  private checked = false;

  constructor(
    private readonly ports: WatcherPorts,
    private readonly intervals: { fastMs: number; slowMs: number },
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    await this.ticking;
  }

  /** Something changed: poll soon rather than at the end of a slow interval. */
  wake(): void {
    if (!this.running || this.ticking) return;
    this.schedule(Math.min(this.intervals.fastMs, 250));
  }

  get pollCount(): number {
    return this.polls;
  }

  get isReachable(): boolean {
    return this.reachable;
  }

  /** Whether Proxmox answered the latest poll; null until the first poll has ended. */
  get reachability(): boolean | null {
    return this.checked ? this.reachable : null;
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.ticking = this.tick().finally(() => {
        this.ticking = undefined;
        if (this.running) this.schedule(this.ports.isBusy() ? this.intervals.fastMs : this.intervals.slowMs);
      });
    }, delayMs);
    this.timer.unref?.();
  }

  private async tick(): Promise<void> {
    this.polls++;
    let containers: ClusterContainer[];
    try {
      containers = await this.ports.listClusterContainers();
    } catch (error) {
      this.ports.onUnreachable(error, this.reachable);
      this.reachable = false;
      this.checked = true;
      return;
    }
    if (!this.reachable) this.ports.onReachable();
    this.reachable = true;
    try {
      await this.ports.onCluster(containers);
    } catch (error) {
      console.error("reconciling the cluster status failed", error);
    }
    this.checked = true;
  }
}
