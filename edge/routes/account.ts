import { Hono } from "hono";
import {
  ACCOUNT_EXPORT_FORMAT,
  ACCOUNT_EXPORT_VERSION,
  DeleteAccountRequestSchema,
  type AccountExport,
} from "../../shared/schemas/account";
import { clearSessionCookie, requireUser } from "../auth/session";
import { deleteAccountStatements, readAccountExport } from "../data/account-data";
import { d1Session, type DataEnv } from "../data/db";
import { jsonText } from "../data/json-text";
import { deleteProfileSnapshots } from "../data/profile-cache";
import { userHead } from "../data/user-head";
import { ApiError } from "../http/errors";
import { sessionEnded } from "../auth/session-alive";
import { limitBody } from "./body-limit";
import { valid } from "./validate";

/** `/api/account`: the owner takes all their data out, or deletes the account with all of it. */
export const accountDataRoutes = new Hono<DataEnv>()
  .use(d1Session("first-primary"))
  .use(requireUser({ endsSessions: true, freshForWrites: true }))
  .get("/export", async (c) => {
    const { db, metrics, session } = c.var;
    const now = Date.now();
    const rows = await metrics.db(() => readAccountExport(db, session, now));
    if (rows.user === undefined) throw sessionEnded();
    const head: Omit<AccountExport, "records"> = {
      format: ACCOUNT_EXPORT_FORMAT,
      version: ACCOUNT_EXPORT_VERSION,
      exportedAt: now,
      account: { username: rows.user.username, createdAt: rows.user.created_at },
      devices: rows.devices.map((d) => ({
        name: d.name,
        createdAt: d.created_at,
        lastSeenAt: d.last_seen_at,
      })),
      passkeys: rows.passkeys.map((p) => ({ createdAt: p.created_at })),
    };
    // Stored values are validated JSON text: splice them in rather than parse and re-serialise.
    const records = rows.records.map(
      (r) => `{"entity":${JSON.stringify(r.entity)},"key":${JSON.stringify(r.id)},"value":${r.value}}`,
    );
    const body = `${JSON.stringify(head).slice(0, -1)},"records":[${records.join(",")}]}`;
    const day = new Date(now).toISOString().slice(0, 10);
    c.header("Content-Disposition", `attachment; filename="spotter-export-${day}.json"`);
    return jsonText<AccountExport>(c, body);
  })
  .delete("/", limitBody(1024, "A delete request"), valid("json", DeleteAccountRequestSchema), async (c) => {
    const { db, metrics, session } = c.var;
    if (c.req.valid("json").confirm !== session.username) {
      throw new ApiError(400, "bad_request", "Type your username exactly to confirm.");
    }
    await metrics.db(() => db.batch(deleteAccountStatements(db, session.userId)));
    await userHead(c.env, session.userId).accountDeleted();
    c.executionCtx.waitUntil(deleteProfileSnapshots(c.env.CACHE, session.userId));
    clearSessionCookie(c);
    return c.json({ deleted: true });
  });
