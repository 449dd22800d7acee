import { Hono } from "hono";
import { PasskeyParamSchema, type Passkey } from "../../shared/schemas/account";
import type { SignUpResponse } from "../../shared/schemas/auth";
import { clearSessionCookie } from "../auth/session";
import { newRecoveryCode, sha256Hex } from "../auth/tokens";
import {
  passkeysOfUser,
  removePasskey,
  replaceRecoveryHash,
  signOutOthers,
  type PasskeyRow,
} from "../data/account-security";
import type { DataEnv } from "../data/db";
import { tellSessionsEnded } from "../data/user-head";
import { ApiError } from "../http/errors";
import { valid } from "./validate";

/**
 * What the owner does when a recovery code or a device may be in someone else's hands: see and
 * remove passkeys, rotate the recovery code, and end every other session. The session is checked
 * by the parent router.
 */
export const securityRoutes = new Hono<DataEnv>()
  .get("/passkeys", async (c) => {
    const { db, metrics, session } = c.var;
    const { results } = await metrics.db(() =>
      passkeysOfUser(db, session.userId, Date.now()).all<PasskeyRow>(),
    );
    const passkeys: Passkey[] = results.map((row) => ({
      id: row.id,
      createdAt: row.created_at,
      signedInDevices: row.signed_in_devices,
    }));
    return c.json({ passkeys });
  })
  .delete("/passkeys/:id", valid("param", PasskeyParamSchema), async (c) => {
    const { db, metrics, session } = c.var;
    const { id } = c.req.valid("param");
    const [removed, ended] = await metrics.db(() =>
      db.batch<{ id: string }>(removePasskey(db, session.userId, id)),
    );
    if (!removed?.results.length) throw new ApiError(404, "not_found", "No such passkey.");
    const endedIds = (ended?.results ?? []).map((row) => row.id);
    await tellSessionsEnded(c.env, session.userId, endedIds);
    if (endedIds.includes(session.deviceId)) clearSessionCookie(c);
    return c.json({ removed: true, signedOutDevices: endedIds.length });
  })
  .post("/recovery-code", async (c) => {
    const { db, metrics, session } = c.var;
    const recoveryCode = newRecoveryCode();
    const hash = await sha256Hex(recoveryCode);
    await metrics.db(() => replaceRecoveryHash(db, session.userId, hash).run());
    const answer: Pick<SignUpResponse, "recoveryCode"> = { recoveryCode };
    return c.json(answer);
  })
  .post("/sign-out-others", async (c) => {
    const { db, metrics, session } = c.var;
    const { results } = await metrics.db(() =>
      signOutOthers(db, session.userId, session.deviceId).all<{ id: string }>(),
    );
    await tellSessionsEnded(
      c.env,
      session.userId,
      results.map((row) => row.id),
    );
    return c.json({ signedOutDevices: results.length });
  });
