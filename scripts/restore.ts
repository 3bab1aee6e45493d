import { existsSync } from "node:fs";
import { restoreDatabase } from "../lib/db";
import { ConfigError, readBackupEnv } from "../lib/env";
import { isArcadeError } from "../lib/errors";

// `npm run restore <backup file>`: puts a backup in place of ARCADE_DB while the portal is stopped. See docs/deploy.md.
if (existsSync(".env")) process.loadEnvFile(".env");
const backupFile = process.argv[2];
if (!backupFile) {
  console.error("Name the backup to restore: npm run restore -- /var/lib/cartofia-portal/backups/arcade-20261128T030000Z.db");
  process.exit(1);
}
try {
  const env = readBackupEnv();
  const { replacedKeptAs, logId } = restoreDatabase(env.dbFile, backupFile);
  console.log(`Restored ${backupFile} to ${env.dbFile}.`);
  console.log(replacedKeptAs ? `The database it replaced is kept as ${replacedKeptAs}.` : "There was no database to replace.");
  console.log(`The event log starts a new life (${logId}): the bot and open pages catch up with it when they reconnect. Start the portal again.`);
} catch (error) {
  if (error instanceof ConfigError) console.error(`The restore's configuration is not valid:\n${error.problems.map((p) => `  - ${p}`).join("\n")}`);
  else if (isArcadeError(error)) console.error(error.message);
  else console.error(`The restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
