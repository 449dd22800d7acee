import { Hono } from "hono";
import {
  MAX_PUSH_BYTES,
  PullQuerySchema,
  PushRequestSchema,
  DEFAULT_PULL_LIMIT,
} from "../../shared/schemas/sync";
import type { PullResponse, PushResponse } from "../../shared/schemas/sync";
import { CursorError, decodeCursor, encodeCursor } from "../../shared/sync/cursor";
import { validatePush } from "../../shared/sync/push";
import { requireUser } from "../auth/session";
import { d1Session, type DataEnv } from "../data/db";
import { jsonText } from "../data/json-text";
import { changesSince, writeStatements, type ChangeRow } from "../data/records";
import { ApiError } from "../http/errors";
import { limitBody } from "./body-limit";
import { valid } from "./validate";

const pushBodyLimit = limitBody(MAX_PUSH_BYTES, "A push");

/** `/api/sync/*`: the outbox push and the paged pull of changes, both for the signed-in user only. */
export const syncRoutes = new Hono<DataEnv>()
  .use(d1Session())
  .use(requireUser())
  .post("/push", pushBodyLimit, valid("json", PushRequestSchema), async (c) => {
    const checked = validatePush(c.req.valid("json"));
    if (!checked.ok) {
      const { status, code, message } = checked.problem;
      throw new ApiError(
        status,
        code,
        message,
        "details" in checked.problem ? checked.problem.details : undefined,
      );
    }
    const { clientId, mutations } = checked;
    const { db, metrics, session } = c.var;
    const userId = session.userId;
    const lastId = mutations.at(-1)?.id ?? 0;
    const { statements } = writeStatements(db, userId, mutations, (m) => ({ clientId, mutationId: m.id }));
    // One batch, one transaction: the previous mark, every write, and the new mark, all or nothing.
    const results = await metrics.db(() =>
      db.batch<{ last_mutation_id?: number; version?: number }>([
        db
          .prepare("SELECT last_mutation_id FROM sync_clients WHERE user_id = ? AND id = ?")
          .bind(userId, clientId),
        ...statements,
        db
          .prepare(
            `INSERT INTO sync_clients (user_id, id, last_mutation_id, updated_at) VALUES (?, ?, ?, ?)
             ON CONFLICT (user_id, id) DO UPDATE SET
               last_mutation_id = max(last_mutation_id, excluded.last_mutation_id), updated_at = excluded.updated_at
             RETURNING last_mutation_id`,
          )
          .bind(userId, clientId, lastId, Date.now()),
      ]),
    );
    const previous = results[0]?.results[0]?.last_mutation_id ?? 0;
    const ignored = mutations
      // results: [previous mark, counter bump, mutation 0, mutation 1, …, (profile pointer), new mark]
      .filter((m, i) => m.id > previous && (results[2 + i]?.results.length ?? 0) === 0)
      .map((m) => m.id);
    const answer: PushResponse = {
      lastMutationId: results.at(-1)?.results[0]?.last_mutation_id ?? previous,
      ignored,
      // Said out loud, never silently acknowledged: the client decides whether this was a replay.
      skipped: mutations.filter((m) => m.id <= previous).map((m) => m.id),
    };
    return c.json(answer);
  })
  .get("/pull", valid("query", PullQuerySchema), async (c) => {
    const query = c.req.valid("query");
    let after: number;
    try {
      after = decodeCursor(query.cursor);
    } catch (err) {
      if (err instanceof CursorError) throw new ApiError(400, "bad_request", err.message);
      throw err;
    }
    const limit = query.limit ?? DEFAULT_PULL_LIMIT;
    const { db, metrics, session } = c.var;
    const { results } = await metrics.db(() =>
      changesSince(db, session.userId, after, limit).all<ChangeRow>(),
    );
    const page = results.slice(0, limit);
    const cursor = encodeCursor(page.at(-1)?.version ?? after);
    // Values are stored as validated JSON text: splice them in rather than parse and re-serialise.
    const changes = page.map(
      (row) =>
        `{"entity":${JSON.stringify(row.entity)},"key":${JSON.stringify(row.id)},"value":${row.value ?? "null"},"version":${row.version}}`,
    );
    return jsonText<PullResponse>(
      c,
      `{"changes":[${changes.join(",")}],"cursor":${JSON.stringify(cursor)},"hasMore":${results.length > limit}}`,
    );
  });
