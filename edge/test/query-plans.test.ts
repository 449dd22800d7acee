import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { validatePush } from "../../shared/sync/push";
import { SESSION_SQL } from "../auth/session";
import type { Db } from "../data/db";
import { changesSince, syncProfileVersion } from "../data/records";
import { readPushStatement, unchangedGuard, writeRecordStatement } from "../data/sync-state";
import { credentialsOfUser, devicesOfUser, findCredential, findUserByName } from "../data/users";
import { workoutPage } from "../data/workouts";

/** A Db whose statements are the same queries prefixed with EXPLAIN QUERY PLAN, bound to the same values. */
const explainDb: Db = {
  prepare: (sql: string) => env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`),
  batch: (statements) => env.DB.batch(statements),
};

type PlanRow = { detail: string };

/** Plan lines that read a whole table: `SCAN <table>` without an index (CTE scans of our own page are fine). */
function fullScans(rows: PlanRow[]): string[] {
  return (
    rows
      .map((r) => r.detail)
      .filter(
        (d) => /^SCAN /.test(d) && !/USING (COVERING )?INDEX|USING INTEGER PRIMARY KEY|CONSTANT ROW/.test(d),
      )
      .filter((d) => !/^SCAN page\b/.test(d))
      // json_each over a bound parameter (the keys a push names) is a list of our own, not a table.
      .filter((d) => !/VIRTUAL TABLE INDEX/.test(d))
  );
}

const plan = async (statement: D1PreparedStatement) => (await statement.all<PlanRow>()).results;

const user = "00000000-0000-4000-8000-000000000000";
const key = "01937a2b-8c4d-7e5f-9a6b-1c2d3e4f5a6b";

function pushStatements() {
  const checked = validatePush({
    schemaVersion: 1,
    clientId: user,
    mutations: [
      { id: 1, entity: "workout", op: "put", key, value: { id: key, startedAt: 1, updatedAt: 1 } },
      { id: 2, entity: "workout", op: "put", key, value: { name: "x" }, fields: ["name"] },
      { id: 3, entity: "workout", op: "delete", key },
    ],
  });
  if (!checked.ok) throw new Error("fixture should be valid");
  const m = checked.mutations[0]!;
  const state = { value: { id: key, startedAt: 1, updatedAt: 1 }, stamps: {} };
  return [
    readPushStatement(explainDb, user, [[m.entity, m.key]]),
    unchangedGuard(explainDb, user, user, {
      mark: { equals: 0 },
      read: [{ entity: m.entity, id: m.key, version: 1 }],
      childCounts: [{ entity: "set", parent: key, count: 0 }],
      notTombstoned: [["workout", key]],
    }),
    writeRecordStatement(explainDb, user, m.entity, m.key, state, 0),
  ];
}

const hotQueries: [string, () => D1PreparedStatement][] = [
  ["session lookup", () => explainDb.prepare(SESSION_SQL).bind("hash", 0)],
  ["pull", () => changesSince(explainDb, user, 0, 100)],
  ["workouts page", () => workoutPage(explainDb, user, 20)],
  ["workouts page after cursor", () => workoutPage(explainDb, user, 20, { startedAt: 5, id: key })],
  [
    "profile read",
    () =>
      explainDb
        .prepare("SELECT value FROM records WHERE user_id = ? AND entity = 'profile' AND id = ?")
        .bind(user, "self"),
  ],
  ["user by name", () => findUserByName(explainDb, "x")],
  ["devices", () => devicesOfUser(explainDb, user)],
  ["credential by id", () => findCredential(explainDb, "cred")],
  ["credentials of user", () => credentialsOfUser(explainDb, "x")],
  ["profile version", () => syncProfileVersion(explainDb, user)],
  [
    "client mark",
    () =>
      explainDb
        .prepare("SELECT last_mutation_id FROM sync_clients WHERE user_id = ? AND id = ?")
        .bind(user, user),
  ],
  ...pushStatements().map((s, i): [string, () => D1PreparedStatement] => [`push write ${i + 1}`, () => s]),
];

describe("hot queries use indexes", () => {
  it.each(hotQueries)("%s does not scan a whole table", async (_name, make) => {
    const rows = await plan(make());
    expect(rows.length).toBeGreaterThan(0);
    expect(fullScans(rows)).toEqual([]);
  });

  it("catches a full table scan when there is one", async () => {
    const rows = await plan(
      env.DB.prepare("EXPLAIN QUERY PLAN SELECT * FROM records WHERE value LIKE '%x%'"),
    );
    expect(fullScans(rows)).toEqual(["SCAN records"]);
  });
});
