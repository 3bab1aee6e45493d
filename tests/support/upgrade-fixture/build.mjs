// `npm run build` of the fixture portal: like `next build`, it leaves .next/BUILD_ID, which the start needs.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";

mkdirSync(".next", { recursive: true });
writeFileSync(".next/BUILD_ID", readFileSync("release.txt", "utf8").trim());
