import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { probeUrl } from "@/lib/lifecycle";

let server: Server;
let base: string;
const hosts: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    hosts.push(req.headers.host ?? "");
    // Like a game host serving several games by server_name: only the right Host finds this game.
    if (req.url === "/redirect") res.writeHead(302, { location: "/index.html" }).end();
    else if (req.headers.host === "snake.example.com" || req.url === "/plain") res.writeHead(200).end("ok");
    else if (req.url === "/slow") setTimeout(() => res.writeHead(200).end(), 2_000);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("probing a game's web server", () => {
  it("asks an internal address with the game's public hostname, as the gateway would", async () => {
    expect(await probeUrl(`${base}/index.html`, 1_000, "snake.example.com")).toEqual({ ok: true, status: 200 });
    expect(hosts.at(-1)).toBe("snake.example.com");
    expect(await probeUrl(`${base}/index.html`, 1_000, "other.example.com")).toEqual({ ok: false, detail: "HTTP 404" });
  });

  it("counts a redirect as answering and keeps the URL's own host when it is the public one", async () => {
    expect(await probeUrl(`${base}/redirect`, 1_000)).toEqual({ ok: true, status: 302 });
    expect(hosts.at(-1)).toBe(new URL(base).host);
  });

  it("says why a probe failed: refused, or no answer in time", async () => {
    expect(await probeUrl("http://127.0.0.1:9/", 1_000)).toEqual({ ok: false, detail: "connection refused" });
    expect(await probeUrl(`${base}/slow`, 200)).toEqual({ ok: false, detail: "no answer within 200 ms" });
  });
});
