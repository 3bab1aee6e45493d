// The fixture portal of the upgrade test: it opens the arcade database with the real lib/db (which refuses a
// schema newer than the code) and then answers /api/health like the portal, naming its build.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const build = readFileSync(".next/BUILD_ID", "utf8");
const { openDatabase } = await import(process.env.ARCADE_TEST_LIB_DB);
openDatabase(process.env.ARCADE_DB);
createServer((request, response) => {
  response.writeHead(request.url === "/api/health" ? 200 : 404, { "content-type": "application/json" });
  response.end(JSON.stringify({ ok: true, build }));
}).listen(Number(process.env.PORT), "127.0.0.1");
