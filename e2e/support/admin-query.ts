import pg from "pg";

/** Runs one administrative statement (create/drop database); a child process, so callers can stay sync. */
const [serverUrl, statement] = process.argv.slice(2);
if (!serverUrl || !statement) throw new Error("usage: admin-query.ts <server url> <statement>");
const client = new pg.Client({ connectionString: serverUrl });
await client.connect();
try {
  await client.query(statement);
} finally {
  await client.end();
}
