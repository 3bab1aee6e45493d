/** Proxmox VE API simulator: standalone, speaks the protocol over loopback. See docs/sim-proxmox.md. */
export { startProxmoxSim } from "./start-sim";
export { loadScenarioFile, parseScenarioOrThrow, DEFAULT_TIMING } from "./scenario";
export type {
  CtStatus,
  ProxmoxSim,
  SimAclEntry,
  SimContainer,
  SimFaults,
  SimNode,
  SimOptions,
  SimPool,
  SimScenario,
  SimStats,
  SimTiming,
  SimToken,
  SimUser,
  WebMode,
} from "./types";
