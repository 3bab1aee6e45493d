import { handle, json } from "@/lib/api";
import { getControlPlane } from "@/lib/control-plane";

/** Liveness for the gateway and monitoring: 200 while the server is up, with whether Proxmox answers (null: not asked yet). */
export function GET() {
  return handle(() => {
    const cp = getControlPlane();
    return json({ ok: true, proxmox: { reachable: cp.watcher.reachability, polls: cp.watcher.pollCount }, games: cp.catalogue.games.length });
  });
}
