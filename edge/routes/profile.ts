import { Hono } from "hono";
import { PROFILE_KEY, ProfileSchema, type Profile } from "../../shared/schemas/profile";
import { requireUser } from "../auth/session";
import { d1Session, type DataEnv } from "../data/db";
import { jsonText } from "../data/json-text";
import { PROFILE_CACHE_TTL_S, profileCacheKey } from "../data/profile-cache";
import { saveProfile } from "../data/profile-put";
import { userHead } from "../data/user-head";
import { limitBody } from "./body-limit";
import { valid } from "./validate";

type ProfileResponse = { profile: Profile | null };

const smallBody = limitBody(16 * 1024, "A profile");

/** `/api/profile`: the signed-in user's profile, read through a versioned KV snapshot. */
export const profileRoutes = new Hono<DataEnv>()
  .use(d1Session())
  .use(requireUser({ writesCheckSession: true }))
  .get("/", async (c) => {
    const { db, metrics, session } = c.var;
    if (session.profileVersion === 0) return jsonText<ProfileResponse>(c, `{"profile":null}`);
    // A session from the isolate's cache carries no profile version: D1 answers, one round trip
    // like the KV snapshot's.
    const key =
      session.profileVersion === null ? null : profileCacheKey(session.userId, session.profileVersion);
    const cached = key === null ? null : await c.env.CACHE.get(key);
    if (cached !== null) {
      metrics.cache = "hit";
      return jsonText<ProfileResponse>(c, cached);
    }
    metrics.cache = "miss";
    const row = await metrics.db(() =>
      db
        .prepare("SELECT value FROM records WHERE user_id = ? AND entity = 'profile' AND id = ?")
        .bind(session.userId, PROFILE_KEY)
        .first<{ value: string | null }>(),
    );
    const body = `{"profile":${row?.value ?? "null"}}`;
    if (key !== null)
      c.executionCtx.waitUntil(c.env.CACHE.put(key, body, { expirationTtl: PROFILE_CACHE_TTL_S }));
    return jsonText<ProfileResponse>(c, body);
  })
  .put("/", smallBody, valid("json", ProfileSchema), async (c) => {
    const profile = c.req.valid("json");
    const { db, metrics, session } = c.var;
    // Stamps only the fields it changes (edge/data/profile-put.ts), like a synced edit.
    await metrics.db(() => saveProfile(db, session, profile));
    await userHead(c.env, session.userId).recordsChanged();
    const answer: ProfileResponse = { profile };
    return c.json(answer);
  });
