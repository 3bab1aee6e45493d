/** Public types of the Proxmox VE simulator. Other engineers code against these names: keep them stable. */

export type CtStatus = "running" | "stopped";
export type WebMode = "ok" | "refuse" | "hang" | "error";

export type SimContainer = {
  vmid: number;
  node: string;
  hostname?: string;
  /** Default "stopped". */
  status?: CtStatus;
  memoryMiB?: number;
  cores?: number;
  lock?: string;
  template?: boolean;
  tags?: string;
  /** IPv4 address of eth0, optionally with a prefix ("10.22.0.20" or "10.22.0.20/24"); absent = DHCP. */
  ip?: string;
  /**
   * The game web server inside the CT. port 0 or absent = pick a free port once at load and keep it. `root` may
   * list several folders, searched in order like layers of one filesystem (a game plus a shared library).
   */
  web?: { port?: number; root?: string | string[] };
  /**
   * HA-managed (`ha-manager add ct:<vmid>`): start/stop/shutdown answer with hastart/hastop tasks that end at
   * once, and the HA manager changes the CT's state `haDelayMs` later with its own task. `state` is the
   * requested state at load; default: the CT's status.
   */
  ha?: { state?: "started" | "stopped" };
};

export type SimAclEntry = {
  /** "/", "/vms", "/vms/2000", "/pool/arcade", "/nodes/pve", "/storage/local" */
  path: string;
  /** A role from `SimScenario.roles` or a built-in one (Administrator, NoAccess, PVEAuditor, PVEVMUser, ...). */
  role?: string;
  /** Shorthand for a role made of exactly these privileges ("VM.Audit", "VM.PowerMgmt", "Sys.Audit", ...). */
  privs?: string[];
  /** Inherited by deeper paths; default true, like `pveum acl modify --propagate`. */
  propagate?: boolean;
};

export type SimUser = {
  /** user@realm */
  id: string;
  /** Default true; a disabled user's tokens fail authentication. */
  enable?: boolean;
  acl?: SimAclEntry[];
};

export type SimPool = {
  id: string;
  /** Members: their /vms/<vmid> inherit what is granted on /pool/<id>. */
  vmids: number[];
};

export type SimToken = {
  /** user@realm!name */
  id: string;
  secret: string;
  /**
   * Privilege separation: the token's rights are the intersection of its own ACL and its user's. Default: true
   * when the token has an `acl`, false otherwise (the token then has exactly its user's rights).
   */
  privsep?: boolean;
  acl?: SimAclEntry[];
};

export type SimTiming = {
  /** How long a vzstart task runs before the CT is running. */
  startMs: number;
  stopMs: number;
  /** How long the guest needs to shut down cleanly. */
  guestShutdownMs: number;
  /** After the CT is running, before its web server listens. */
  webDelayMs: number;
  /** Added to every API response. */
  latencyMs: number;
  authFailDelayMs: number;
  /** /cluster/resources reflects state changes only on this tick, like pvestatd; 0 = live. */
  resourcesRefreshMs: number;
  /** For HA-managed CTs: from the hastart/hastop request until the HA manager starts or stops the CT (CRM + LRM rounds). */
  haDelayMs: number;
};

export type SimNode = { name: string; online?: boolean };

export type SimScenario = {
  /** Default [{ name: "pve" }]. */
  nodes?: SimNode[];
  containers: SimContainer[];
  tokens: SimToken[];
  /**
   * Users with their ACLs. Absent: every token's user is implied and holds Administrator on "/" (a scenario that
   * does not model users). Present: PVE's model exactly, and every token's user must be listed.
   */
  users?: SimUser[];
  /** Custom roles: name -> privileges (built-in roles are always there). */
  roles?: Record<string, string[]>;
  pools?: SimPool[];
  timing?: Partial<SimTiming>;
  /**
   * The origin allowed to frame the games, sent by every game web server as `Content-Security-Policy:
   * frame-ancestors <origin>` like the generated game-host nginx. Default http://localhost:3000 (a local portal).
   */
  portalOrigin?: string;
  /** pve-manager version; default "9.1.5". Older versions change a few wire details (see docs/sim-proxmox.md). */
  version?: string;
};

export type SimOptions = {
  /** Default true. */
  tls?: boolean;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (ephemeral). */
  port?: number;
};

export type SimFaults = {
  /** Requests proxied to that node -> 595, its CTs "unknown" in /cluster/resources, /nodes shows it offline. */
  nodeOffline(node: string, offline: boolean): void;
  /** Sets the config lock, e.g. "backup": start/stop/shutdown tasks fail "CT is locked (backup)". */
  lock(vmid: number, lock: string | null): void;
  /** Following starts end with TASK ERROR: <message> until cleared with null. */
  startFails(vmid: number, message: string | null): void;
  /** The game web server: normal, never listens, accepts but never answers, answers 503. */
  web(vmid: number, mode: WebMode): void;
  /** The whole API refuses connections (listener closed; reopened on the same port). */
  apiDown(down: boolean): void;
};

export type SimStats = { requests: number; byPath: Record<string, number> };

export interface ProxmoxSim {
  /** e.g. https://127.0.0.1:41234 (clients append /api2/json/...). */
  url: string;
  caPem: string;
  caFile: string;
  /** SHA-256 of the leaf certificate, colon-separated uppercase hex. */
  fingerprint: string;
  /** http://127.0.0.1:<port>/ of that CT's web server, stable across restarts of the CT. */
  webUrl(vmid: number): string;
  faults: SimFaults;
  setTiming(partial: Partial<SimTiming>): void;
  /** A change made outside the arcade (Proxmox UI/CLI); records a task too. */
  power(vmid: number, status: CtStatus): void;
  migrate(vmid: number, node: string): void;
  /** Runs a `pveum` command line against the sim's users, tokens, roles, pools and ACLs; returns its stdout. */
  pveum(args: string[]): string;
  stats(): SimStats;
  resetStats(): void;
  state(): unknown;
  close(): Promise<void>;
}
