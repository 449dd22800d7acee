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
import { countingBatches, d1Session, type DataEnv } from "../data/db";
import { jsonText } from "../data/json-text";
import { changesSince, type ChangeRow } from "../data/records";
import { applyPush } from "../data/sync-push";
import { userHead } from "../data/user-head";
import { ApiError } from "../http/errors";
import { limitBody } from "./body-limit";
import { refuseUnknownCustomFoods } from "./food-refs";
import { valid } from "./validate";

const pushBodyLimit = limitBody(MAX_PUSH_BYTES, "A push");

/** `/api/sync/*`: the outbox push and the paged pull of changes, both for the signed-in user only. */
export const syncRoutes = new Hono<DataEnv>()
  .use(d1Session())
  .use(requireUser({ writesCheckSession: true }))
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
    await refuseUnknownCustomFoods(db, metrics, session.userId, mutations);
    // Each of the push's batches (read, then write; again on a conflict) is a round trip of its own.
    const { answer, newestVersion } = await applyPush(
      countingBatches(db, metrics),
      session,
      clientId,
      mutations,
    );
    // Before answering: a pull that starts after this answer must be told what is new.
    const head = userHead(c.env, session.userId);
    if (newestVersion !== null) await head.recordsWritten(newestVersion);
    // A replay (its first try's answer lost, perhaps with the notice): the head forgets what it
    // knows, so the next pull reads D1 and finds the first try's records.
    else if (answer.skipped.length > 0) await head.recordsChanged();
    return c.json<PushResponse>(answer);
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
    const { metrics, session } = c.var;
    // Nothing newer than the cursor (as the user's head object knows it, or as read with the
    // session): no query.
    if (session.recordsVersion !== null && after >= session.recordsVersion) {
      return jsonText<PullResponse>(
        c,
        `{"changes":[],"cursor":${JSON.stringify(encodeCursor(after))},"hasMore":false}`,
      );
    }
    // The head object does not know the newest version: read the primary (a replica may lag) and
    // tell it what was found, so the user's next pulls with nothing new need no query.
    const generation = session.headGeneration;
    const db = generation === null ? c.var.db : c.env.DB;
    const { results } = await metrics.db(() =>
      changesSince(db, session.userId, after, limit).all<ChangeRow>(),
    );
    const page = results.slice(0, limit);
    const found = page.at(-1)?.version ?? after;
    // Told only what it does not know: the whole rest was read and is newer than its version.
    const news = session.recordsVersion === null || found > session.recordsVersion;
    if (generation !== null && results.length <= limit && news) {
      await userHead(c.env, session.userId).recordsRead(generation, found);
    }
    const cursor = encodeCursor(found);
    // Values are stored as validated JSON text: splice them in rather than parse and re-serialise.
    const changes = page.map(
      (row) =>
        `{"entity":${JSON.stringify(row.entity)},"key":${JSON.stringify(row.id)},"value":${row.value ?? "null"},"version":${row.version},"stamps":${row.value === null ? "null" : (row.stamps ?? "{}")}}`,
    );
    return jsonText<PullResponse>(
      c,
      `{"changes":[${changes.join(",")}],"cursor":${JSON.stringify(cursor)},"hasMore":${results.length > limit}}`,
    );
  });
