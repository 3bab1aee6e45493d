// A release that cannot start: it migrates the database forward (a migration the older code does not know) and
// then dies, as a release with a startup bug does after its migrations have run.
import { createRequire } from "node:module";

const { openDatabase } = await import(process.env.ARCADE_TEST_LIB_DB);
openDatabase(process.env.ARCADE_DB).close();
const Database = createRequire(process.env.ARCADE_TEST_LIB_DB)("better-sqlite3");
const db = new Database(process.env.ARCADE_DB);
db.exec("CREATE TABLE added_by_the_failed_release (id INTEGER PRIMARY KEY)");
db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (1000, 'added by the failed release', ?)").run(new Date().toISOString());
db.close();
console.error("Error: the failed release cannot start");
process.exit(1);
