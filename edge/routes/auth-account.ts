import { Hono } from "hono";
import * as v from "valibot";
import type { Device } from "../../shared/schemas/user";
import { clearSessionCookie } from "../auth/session";
import type { DataEnv } from "../data/db";
import { devicesOfUser, type DeviceRow } from "../data/users";
import { revokeDevice } from "../data/account-security";
import { tellSessionsEnded } from "../data/user-head";
import { ApiError } from "../http/errors";
import { securityRoutes } from "./auth-security";
import { valid } from "./validate";

const DeviceParamSchema = v.object({ id: v.pipe(v.string(), v.uuid()) });

/** Signed-in account routes under `/api/auth` (the session is checked by the parent router). */
export const accountRoutes = new Hono<DataEnv>()
  .post("/logout", async (c) => {
    const { db, metrics, session } = c.var;
    await metrics.db(() =>
      db
        .prepare("DELETE FROM sessions WHERE id = ? AND user_id = ?")
        .bind(session.deviceId, session.userId)
        .run(),
    );
    await tellSessionsEnded(c.env, session.userId, [session.deviceId]);
    clearSessionCookie(c);
    return c.json({ signedOut: true });
  })
  .get("/me", (c) => {
    const { session } = c.var;
    return c.json({
      user: { id: session.userId, username: session.username, createdAt: session.userCreatedAt },
      deviceId: session.deviceId,
    });
  })
  .get("/devices", async (c) => {
    const { db, metrics, session } = c.var;
    const { results } = await metrics.db(() => devicesOfUser(db, session.userId).all<DeviceRow>());
    const devices: Device[] = results.map((row) => ({
      id: row.id,
      name: row.name,
      createdAt: row.created_at,
      lastSeenAt: row.last_seen_at,
      current: row.id === session.deviceId,
    }));
    return c.json({ devices });
  })
  .delete("/devices/:id", valid("param", DeviceParamSchema), async (c) => {
    const { db, metrics, session } = c.var;
    const { id } = c.req.valid("param");
    // The passkey the device signed in with goes too, with every session it opened: otherwise
    // whoever holds the device signs straight back in.
    const [passkey, removed] = await metrics.db(() =>
      db.batch(revokeDevice(db, session.userId, id, session.deviceId)),
    );
    const ended = (removed?.results ?? []) as { id: string }[];
    // Another user's device and an unknown id look the same: not found.
    if (!ended.some((row) => row.id === id)) throw new ApiError(404, "not_found", "No such device.");
    await tellSessionsEnded(
      c.env,
      session.userId,
      ended.map((row) => row.id),
    );
    if (ended.some((row) => row.id === session.deviceId)) clearSessionCookie(c);
    return c.json({ revoked: id, signedOutDevices: ended.length, removedPasskey: !!passkey?.meta.changes });
  })
  .route("/", securityRoutes);
