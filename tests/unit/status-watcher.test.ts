import { describe, expect, it } from "vitest";
import type { ClusterContainer } from "@/lib/proxmox";
import { StatusWatcher } from "@/lib/status/status-watcher";

function watcherAgainst(answer: () => Promise<ClusterContainer[]>) {
  const seen: string[] = [];
  const watcher = new StatusWatcher(
    {
      listClusterContainers: answer,
      onCluster: async () => void seen.push("cluster"),
      onUnreachable: (_error, wasReachable) => void seen.push(`unreachable (was ${wasReachable})`),
      onReachable: () => void seen.push("reachable"),
      isBusy: () => false,
    },
    { fastMs: 10, slowMs: 10 },
  );
  return { watcher, seen };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe("the status watcher", () => {
  it("does not claim Proxmox is reachable before its first poll has an answer", async () => {
    let release: (value: ClusterContainer[]) => void = () => undefined;
    const { watcher } = watcherAgainst(() => new Promise((resolve) => (release = resolve)));
    watcher.start();
    await until(() => watcher.pollCount === 1);
    expect(watcher.reachability).toBeNull();
    release([]);
    await until(() => watcher.reachability !== null);
    expect(watcher.reachability).toBe(true);
    await watcher.stop();
  });

  it("reports an outage once, keeps polling, and reports the recovery", async () => {
    let down = true;
    const { watcher, seen } = watcherAgainst(async () => {
      if (down) throw new Error("ECONNREFUSED");
      return [];
    });
    watcher.start();
    await until(() => watcher.pollCount >= 3);
    expect(watcher.reachability).toBe(false);
    down = false;
    await until(() => seen.includes("reachable"));
    await watcher.stop();
    expect(seen.filter((s) => s.startsWith("unreachable"))[0]).toBe("unreachable (was true)");
    expect(seen.slice(seen.indexOf("reachable"))).toContain("cluster");
    expect(watcher.reachability).toBe(true);
  });
});
