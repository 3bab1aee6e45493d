import { existsSync } from "node:fs";
import { backupDatabase } from "../lib/db";
import { ConfigError, readBackupEnv } from "../lib/env";
import { isArcadeError } from "../lib/errors";

// `npm run backup`: an online, consistent copy of the portal's SQLite database (daily from
// deploy/systemd/cartofia-backup.timer). ARCADE_DB, ARCADE_BACKUP_DIR, ARCADE_BACKUP_KEEP; see docs/deploy.md.
if (existsSync(".env")) process.loadEnvFile(".env");
try {
  const env = readBackupEnv();
  const { file, removed } = await backupDatabase(env.dbFile, env.backupDir, env.keep);
  console.log(`Backed up ${env.dbFile} to ${file}${removed.length > 0 ? `; removed ${removed.length} older backup(s), keeping the newest ${env.keep}` : ""}.`);
} catch (error) {
  if (error instanceof ConfigError) console.error(`The backup's configuration is not valid:\n${error.problems.map((p) => `  - ${p}`).join("\n")}`);
  else if (isArcadeError(error)) console.error(error.message);
  else console.error(`The backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
