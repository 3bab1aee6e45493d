/** A Proxmox task id, decoded. Format from pve-common UPID.pm: note the trailing colon. */
export type Upid = {
  upid: string;
  node: string;
  pid: number;
  pstart: number;
  startTime: Date;
  type: string;
  id: string;
  user: string;
};

const UPID_PATTERN =
  /^UPID:([a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?):([0-9A-Fa-f]{8}):([0-9A-Fa-f]{8,9}):([0-9A-Fa-f]{8}):([^:\s/]+):([^:\s/]*):([^:\s/]+):$/;

/** Decodes a UPID string, or returns null when it is not one. */
export function parseUpid(value: string): Upid | null {
  const m = UPID_PATTERN.exec(value);
  if (!m) return null;
  return {
    upid: value,
    node: m[1]!,
    pid: Number.parseInt(m[3]!, 16),
    pstart: Number.parseInt(m[4]!, 16),
    startTime: new Date(Number.parseInt(m[5]!, 16) * 1000),
    type: m[6]!,
    id: m[7]!,
    user: m[8]!,
  };
}

/** Task exit statuses that count as success: `OK` and `WARNINGS: n` (UPID.pm status_is_error). */
export function isTaskSuccess(exitStatus: string | undefined): boolean {
  return exitStatus === "OK" || /^WARNINGS: \d+$/.test(exitStatus ?? "");
}
