import { Hono, type Context } from "hono";
import {
  LoginOptionsRequestSchema,
  LoginVerifyRequestSchema,
  RecoverRequestSchema,
  RegisterOptionsRequestSchema,
  RegisterVerifyRequestSchema,
  type SignUpResponse,
} from "../../shared/schemas/auth";
import { storeChallenge, takeChallenge, takeChallengeStatement, takenChallenge } from "../auth/challenges";
import {
  authenticationOptions,
  registrationOptions,
  verifyAuthentication,
  verifyRegistration,
} from "../auth/passkeys";
import { relyingParty } from "../auth/relying-party";
import { rateLimitAuth } from "../auth/rate-limit";
import { newSession, requireUser, setSessionCookie } from "../auth/session";
import { newRecoveryCode, sha256Hex } from "../auth/tokens";
import { deviceNameFrom } from "../auth/user-agent";
import { conflictOnDuplicate } from "../data/conflict";
import { d1Session, type DataEnv } from "../data/db";
import {
  credentialsOfUser,
  findCredential,
  findUserByName,
  parseTransports,
  type CredentialRow,
  type UserRow,
} from "../data/users";
import { ApiError } from "../http/errors";
import { accountRoutes } from "./auth-account";
import { limitBody } from "./body-limit";
import { valid } from "./validate";

const deviceName = (c: Context, given: string | undefined) =>
  given ?? deviceNameFrom(c.req.header("user-agent"));

/** `/api/auth/*`: passkey sign-up and sign-in, recovery code, sign-out, and the device list. */
export const authRoutes = new Hono<DataEnv>()
  .use(d1Session("first-primary"))
  .use(limitBody(64 * 1024, "An auth request"))
  .use("/register/*", rateLimitAuth())
  .use("/login/*", rateLimitAuth())
  .use("/recover", rateLimitAuth())
  .post("/register/options", valid("json", RegisterOptionsRequestSchema), async (c) => {
    const { username } = c.req.valid("json");
    const taken = await c.var.metrics.db(() => findUserByName(c.var.db, username).first<UserRow>());
    if (taken !== null) throw new ApiError(409, "conflict", "That username is taken.");
    const userId = crypto.randomUUID();
    const options = await registrationOptions(relyingParty(c).rpID, username, userId);
    const pending = { kind: "register", challenge: options.challenge, username, userId } as const;
    const challengeId = await c.var.metrics.db(() => storeChallenge(c.var.db, pending));
    return c.json({ challengeId, options });
  })
  .post("/register/verify", valid("json", RegisterVerifyRequestSchema), async (c) => {
    const body = c.req.valid("json");
    const rp = relyingParty(c);
    const { db, metrics } = c.var;
    const pending = await metrics.db(() => takeChallenge(db, body.challengeId, "register"));
    const info = await verifyRegistration(body.response, pending.challenge, rp);
    const known = await metrics.db(() => findCredential(db, info.credential.id).first<CredentialRow>());
    if (known !== null) throw new ApiError(409, "conflict", "This passkey is already registered.");

    const now = Date.now();
    const recoveryCode = newRecoveryCode();
    const userExists = {
      sql: "EXISTS (SELECT 1 FROM users WHERE id = ? AND username = ?)",
      params: [pending.userId, pending.username],
    };
    const session = await newSession(db, {
      userId: pending.userId,
      deviceName: deviceName(c, body.deviceName),
      now,
      credentialId: info.credential.id,
      onlyIf: userExists,
    });
    const recoveryHash = await sha256Hex(recoveryCode);
    const [userInsert] = await metrics.db(() =>
      conflictOnDuplicate(
        db.batch([
          db
            .prepare(
              "INSERT INTO users (id, username, recovery_hash, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
            )
            .bind(pending.userId, pending.username, recoveryHash, now),
          db
            .prepare(
              `INSERT INTO credentials (id, user_id, public_key, counter, transports, created_at)
             SELECT ?, ?, ?, ?, ?, ? WHERE ${userExists.sql}`,
            )
            .bind(
              info.credential.id,
              pending.userId,
              info.credential.publicKey,
              info.credential.counter,
              JSON.stringify(info.credential.transports ?? []),
              now,
              ...userExists.params,
            ),
          session.insert,
        ]),
        "This passkey or username was just registered.",
      ),
    );
    if (!userInsert?.meta.changes) throw new ApiError(409, "conflict", "That username is taken.");
    setSessionCookie(c, session.token);
    const answer: SignUpResponse = {
      user: { id: pending.userId, username: pending.username, createdAt: now },
      recoveryCode,
    };
    return c.json(answer, 201);
  })
  .post("/login/options", valid("json", LoginOptionsRequestSchema), async (c) => {
    const { username } = c.req.valid("json");
    const credentials =
      username === undefined
        ? []
        : (
            await c.var.metrics.db(() =>
              credentialsOfUser(c.var.db, username).all<{ id: string; transports: string | null }>(),
            )
          ).results.map((row) => ({
            id: row.id,
            transports: parseTransports(row.transports),
          }));
    const options = await authenticationOptions(relyingParty(c).rpID, credentials);
    const pending = { kind: "login", challenge: options.challenge } as const;
    const challengeId = await c.var.metrics.db(() => storeChallenge(c.var.db, pending));
    return c.json({ challengeId, options });
  })
  .post("/login/verify", valid("json", LoginVerifyRequestSchema), async (c) => {
    const body = c.req.valid("json");
    const rp = relyingParty(c);
    const { db, metrics } = c.var;
    // One round trip: the challenge taken (one use) and the passkey it names looked up.
    const [taken, found] = await metrics.db(() =>
      db.batch<unknown>([
        takeChallengeStatement(db, body.challengeId, "login"),
        findCredential(db, body.response.id),
      ]),
    );
    const pending = takenChallenge(taken?.results[0] as { payload: string } | undefined, "login");
    const stored = (found?.results[0] as CredentialRow | undefined) ?? null;
    if (stored === null) throw new ApiError(401, "unauthorized", "This passkey is not registered here.");
    const info = await verifyAuthentication(body.response, pending.challenge, rp, {
      id: stored.id,
      publicKey: new Uint8Array(stored.public_key),
      counter: stored.counter,
      transports: parseTransports(stored.transports),
    });
    const now = Date.now();
    const session = await newSession(db, {
      userId: stored.user_id,
      deviceName: deviceName(c, body.deviceName),
      now,
      credentialId: stored.id,
    });
    await metrics.db(() =>
      db.batch([
        db.prepare("UPDATE credentials SET counter = ? WHERE id = ?").bind(info.newCounter, stored.id),
        session.insert,
      ]),
    );
    setSessionCookie(c, session.token);
    return c.json({ user: { id: stored.user_id, username: stored.username, createdAt: stored.created_at } });
  })
  .post("/recover", valid("json", RecoverRequestSchema), async (c) => {
    const body = c.req.valid("json");
    const { db, metrics } = c.var;
    const user = await metrics.db(() => findUserByName(db, body.username).first<UserRow>());
    const given = await sha256Hex(body.code);
    // The same answer for an unknown user and a wrong code, so the endpoint does not reveal accounts.
    if (user === null || user.recovery_hash === null || user.recovery_hash !== given) {
      throw new ApiError(401, "unauthorized", "That username and recovery code do not match.");
    }
    const now = Date.now();
    const nextCode = newRecoveryCode();
    const nextHash = await sha256Hex(nextCode);
    const consumed = {
      sql: "EXISTS (SELECT 1 FROM users WHERE id = ? AND recovery_hash = ?)",
      params: [user.id, nextHash],
    };
    const session = await newSession(db, {
      userId: user.id,
      deviceName: deviceName(c, body.deviceName),
      now,
      credentialId: null,
      onlyIf: consumed,
    });
    // Consume and replace the code in the same batch that opens the session: a code works once.
    const [update] = await metrics.db(() =>
      db.batch([
        db
          .prepare("UPDATE users SET recovery_hash = ? WHERE id = ? AND recovery_hash = ?")
          .bind(nextHash, user.id, given),
        session.insert,
      ]),
    );
    if (!update?.meta.changes)
      throw new ApiError(401, "unauthorized", "That recovery code was already used.");
    setSessionCookie(c, session.token);
    const answer: SignUpResponse = {
      user: { id: user.id, username: user.username, createdAt: user.created_at },
      recoveryCode: nextCode,
    };
    return c.json(answer);
  })
  .use("/logout", requireUser({ endsSessions: true }))
  .use("/me", requireUser())
  .use("/devices", requireUser())
  .use("/devices/*", requireUser({ endsSessions: true, freshForWrites: true }))
  .use("/passkeys", requireUser())
  .use("/passkeys/*", requireUser({ endsSessions: true, freshForWrites: true }))
  .use("/recovery-code", requireUser({ freshForWrites: true }))
  .use("/sign-out-others", requireUser({ endsSessions: true, freshForWrites: true }))
  .route("/", accountRoutes);
