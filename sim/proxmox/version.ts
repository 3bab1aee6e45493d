/** Wire details that changed between pve-manager releases (see docs/sim-proxmox.md for sources). */
export type VersionTraits = {
  version: string;
  release: string;
  /** PVE 9: pressure* fields, memhost in /cluster/resources. */
  pve9: boolean;
  /** pve-manager >= 9.1.5 or >= 8.4.17 on PVE 8: every bad ticket/token is "401 Authentication failed!". */
  unifiedAuthFailure: boolean;
  /** libpve-http-server-perl >= 5.2.0 (PVE 8.4 and 9.x): error bodies carry "message". */
  messageInBody: boolean;
  /** Before pve-container 81aa4bd (PVE 8.1) the /lxc list sent vmid as a string. */
  vmidStringInList: boolean;
};

function parts(version: string): number[] {
  return version.split(".").map((p) => Number.parseInt(p, 10) || 0);
}

function atLeast(version: string, wanted: string): boolean {
  const a = parts(version);
  const b = parts(wanted);
  for (let i = 0; i < 3; i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff > 0;
  }
  return true;
}

/** Derives the version-dependent behaviour from a pve-manager version like "9.1.5". */
export function traitsOf(version: string): VersionTraits {
  const [major = 9, minor = 0] = parts(version);
  return {
    version,
    release: `${major}.${minor}`,
    pve9: major >= 9,
    unifiedAuthFailure: atLeast(version, "9.1.5") || (major === 8 && atLeast(version, "8.4.17")),
    messageInBody: atLeast(version, "8.4.0"),
    vmidStringInList: !atLeast(version, "8.1.0"),
  };
}
