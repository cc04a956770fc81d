// Holds an SQLite database's write lock, as another process would (a second publish, a backup, an operator's
// sqlite3 shell): `node test/support/hold-write-lock.mjs DB_FILE MS`. Writes a row first, so anything that
// read the database before the lock was taken reads an outdated snapshot afterwards. Prints "locked" once
// it holds the lock and "released" after MS milliseconds.
import Database from "better-sqlite3";

const [file, ms] = process.argv.slice(2);
const db = new Database(file);
db.pragma("busy_timeout = 10000");
db.exec("BEGIN IMMEDIATE");
db.prepare(
  "INSERT INTO kv (key, value, updated_at) VALUES ('lock-holder', ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
).run(String(process.pid), new Date().toISOString());
process.stdout.write("locked\n");
setTimeout(() => {
  db.exec("COMMIT");
  db.close();
  process.stdout.write("released\n");
}, Number(ms));
