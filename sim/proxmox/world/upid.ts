export type UpidFields = { node: string; pid: number; pstart: number; starttime: number; type: string; id: string; user: string };

const UPID_PATTERN =
  /^UPID:([a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?):([0-9A-Fa-f]{8}):([0-9A-Fa-f]{8,9}):([0-9A-Fa-f]{8}):([^:\s/]+):([^:\s/]*):([^:\s/]+):$/;

function hex8(value: number): string {
  return value.toString(16).toUpperCase().padStart(8, "0");
}

/** Encodes a UPID exactly like pve-common UPID.pm, trailing colon included. */
export function encodeUpid(f: UpidFields): string {
  return `UPID:${f.node}:${hex8(f.pid)}:${hex8(f.pstart)}:${hex8(f.starttime)}:${f.type}:${f.id}:${f.user}:`;
}

/** Decodes a UPID with pve-common's regex, or returns null. */
export function decodeUpid(upid: string): UpidFields | null {
  const m = UPID_PATTERN.exec(upid);
  if (!m) return null;
  return {
    node: m[1]!,
    pid: Number.parseInt(m[3]!, 16),
    pstart: Number.parseInt(m[4]!, 16),
    starttime: Number.parseInt(m[5]!, 16),
    type: m[6]!,
    id: m[7]!,
    user: m[8]!,
  };
}
