import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));

// The Python SDK's tests are plain unittest (tests/unit/python), so a game owner can run them without Node;
// here they run under the machine's CPython as part of `npm test`.
it("passes the Python SDK's unit tests under CPython, against a stand-in for pygbag's platform module", () => {
  const run = spawnSync("python3", ["-m", "unittest", "discover", "--start-directory", "tests/unit/python", "--pattern", "test_*.py"], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, PYTHONPATH: "sdk/python", PYTHONDONTWRITEBYTECODE: "1" },
    timeout: 60_000,
  });
  if ((run.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT") {
    throw new Error("python3 is missing: the Python SDK is tested with CPython. Install it with `sudo apt-get install -y python3`.");
  }
  const report = `${run.stdout}${run.stderr}`;
  expect(run.status, report).toBe(0);
  const ran = Number(/^Ran (\d+) tests?/m.exec(run.stderr)?.[1] ?? 0);
  expect(ran, report).toBeGreaterThanOrEqual(10);
});
