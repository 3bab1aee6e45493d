import { describe, expect, it } from "vitest";
import { isTaskSuccess, parseUpid } from "@/lib/proxmox";

describe("parseUpid", () => {
  it("decodes a token-started task id as Proxmox writes it", () => {
    const upid = parseUpid("UPID:proxmox2:000D7AA2:08D5A17C:63DF62A5:vzclone:200:root@pam!api_token:");
    expect(upid).toMatchObject({ node: "proxmox2", pid: 883362, pstart: 148218236, type: "vzclone", id: "200", user: "root@pam!api_token" });
    expect(upid?.startTime.toISOString()).toBe("2023-02-05T08:02:45.000Z");
  });

  it("accepts a 9-digit pstart from a node up for more than 497 days", () => {
    expect(parseUpid("UPID:pve:0000ABCD:1A2B3C4D5:65000000:vzstart:2000:arcade@pve!portal:")?.pstart).toBe(0x1a2b3c4d5);
  });

  it("refuses strings without the trailing colon or with a bad node name", () => {
    expect(parseUpid("UPID:pve:0000ABCD:0000ABCD:65000000:vzstart:2000:root@pam")).toBeNull();
    expect(parseUpid("UPID:-pve:0000ABCD:0000ABCD:65000000:vzstart:2000:root@pam:")).toBeNull();
    expect(parseUpid("not a upid")).toBeNull();
  });
});

describe("isTaskSuccess", () => {
  it("treats OK and warnings as success and anything else as the failure text", () => {
    expect(isTaskSuccess("OK")).toBe(true);
    expect(isTaskSuccess("WARNINGS: 2")).toBe(true);
    expect(isTaskSuccess("CT is locked (backup)")).toBe(false);
    expect(isTaskSuccess(undefined)).toBe(false);
  });
});
