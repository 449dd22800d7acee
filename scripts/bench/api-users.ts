// Simulated users for the API benchmark: each signs up through the real passkey routes (with the
// edge tests' software authenticator), then pushes a few workouts so its reads return data.
import { SoftAuthenticator } from "../../edge/test/authenticator.ts";

export interface BenchUser {
  username: string;
  cookie: string;
  /** The client address the user signs in from (each its own, as the auth rate limit is per address). */
  ip: string;
  /** The user's passkey, to sign in again during the run. */
  passkey: SoftAuthenticator;
  /** The device's sync state: its client id, next outbox id and pull cursor. */
  clientId: string;
  nextMutationId: number;
  cursor: string | null;
}

let ipCounter = 0;
/** A distinct client address per user, so the per-address auth rate limit does not stop the setup. */
const freshIp = () => `10.77.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

let idCounter = 0;
/** A UUIDv7-shaped id (the record schema requires v7), unique per call. */
export function uuid7(): string {
  const ms = (Date.now() + ++idCounter).toString(16).padStart(12, "0");
  const rand = crypto.randomUUID().replaceAll("-", "");
  return `${ms.slice(0, 8)}-${ms.slice(8, 12)}-7${rand.slice(0, 3)}-${"89ab"[idCounter % 4]}${rand.slice(3, 6)}-${rand.slice(6, 18)}`;
}

async function postJson(origin: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${origin}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin, ...headers },
    body: JSON.stringify(body),
    // A request the local runtime leaves unanswered fails here, not after undici's 5 minutes.
    signal: AbortSignal.timeout(60_000),
  });
  return res;
}

/** Signs up, retrying when the local runtime restarted mid-request (it answers 503 then). */
export async function signUpUser(origin: string, prefix: string, attempts = 3): Promise<BenchUser> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await signUpOnce(origin, prefix);
    } catch (err) {
      // A restart (503) or an unanswered request: try again under a fresh username.
      const retryable = (err instanceof SignUpError && err.status === 503) || !(err instanceof SignUpError);
      if (attempt >= attempts || !retryable) throw err;
    }
  }
}

export class SignUpError extends Error {
  readonly code = "sign_up_failed";
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function signUpOnce(origin: string, prefix: string): Promise<BenchUser> {
  const username = `${prefix}${Date.now().toString(36)}${++idCounter}`;
  const ip = freshIp();
  const optionsRes = await postJson(
    origin,
    "/api/auth/register/options",
    { username },
    { "cf-connecting-ip": ip },
  );
  if (!optionsRes.ok)
    throw new Error(`register/options answered ${optionsRes.status}: ${await optionsRes.text()}`);
  const { challengeId, options } = (await optionsRes.json()) as {
    challengeId: string;
    options: Parameters<SoftAuthenticator["register"]>[0];
  };
  const passkey = await SoftAuthenticator.create();
  const response = await passkey.register(options, origin);
  const res = await postJson(
    origin,
    "/api/auth/register/verify",
    { challengeId, response },
    { "cf-connecting-ip": ip },
  );
  if (res.status !== 201)
    throw new SignUpError(res.status, `register/verify answered ${res.status}: ${await res.text()}`);
  const cookie = /spotter_session=([^;]*)/.exec(res.headers.get("set-cookie") ?? "")?.[1];
  if (!cookie) throw new Error("sign-up set no session cookie");
  return {
    username,
    cookie: `spotter_session=${cookie}`,
    ip,
    passkey,
    clientId: crypto.randomUUID(),
    nextMutationId: 1,
    cursor: null,
  };
}

/** Mutations for `workouts` workouts of `setsEach` sets, ids starting at `firstId`. */
export function workoutMutations(workouts: number, setsEach: number, firstId = 1) {
  const mutations: object[] = [];
  let id = firstId;
  const now = Date.now();
  for (let w = 0; w < workouts; w++) {
    const workoutId = uuid7();
    const startedAt = now - (w + 1) * 86_400_000;
    mutations.push({
      id: id++,
      entity: "workout",
      op: "put",
      key: workoutId,
      value: { id: workoutId, startedAt, endedAt: startedAt + 3_600_000, name: `Bench ${w}`, updatedAt: now },
    });
    for (let s = 0; s < setsEach; s++) {
      const setId = uuid7();
      mutations.push({
        id: id++,
        entity: "set",
        op: "put",
        key: setId,
        value: {
          id: setId,
          workoutId,
          exerciseId: "squat",
          order: s,
          performedAt: startedAt + s * 120_000,
          reps: 5,
          weightKg: 100,
          rpe: 8,
          restMs: 120_000,
          source: "manual",
          repForm: [],
          updatedAt: now,
        },
      });
    }
  }
  return mutations;
}

/** The body of one push from a fresh client. */
export const pushBody = (mutations: object[], clientId: string = crypto.randomUUID()) =>
  JSON.stringify({ schemaVersion: 1, clientId, mutations });

/** The body of the user's next push from its device: ids continue from its outbox. */
export function devicePush(user: BenchUser, mutations: object[]): string {
  const numbered = mutations.map((m) => ({ ...m, id: user.nextMutationId++ }));
  return pushBody(numbered, user.clientId);
}

/** Pulls every page once, so the device's cursor is where the app's would be after its first sync. */
export async function pullAll(origin: string, user: BenchUser): Promise<void> {
  for (let page = 0; page < 100; page++) {
    const query = user.cursor ? `?cursor=${encodeURIComponent(user.cursor)}` : "";
    const res = await fetch(`${origin}/api/sync/pull${query}`, { headers: { cookie: user.cookie } });
    if (!res.ok) throw new Error(`pull answered ${res.status}: ${await res.text()}`);
    const body = (await res.json()) as { cursor: string; hasMore: boolean };
    user.cursor = body.cursor;
    if (!body.hasMore) return;
  }
}

/** Pushes once, retrying on 503 (a local runtime restart): replays are safe, the server skips applied ids. */
export async function push(origin: string, user: BenchUser, body: string, attempts = 3): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(`${origin}/api/sync/push`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: user.cookie, origin },
      body,
    });
    if (res.ok) return;
    const text = await res.text();
    if (res.status !== 503 || attempt >= attempts) throw new Error(`push answered ${res.status}: ${text}`);
  }
}

/** Signs `user` in again with its passkey (another device): returns that session's cookie. */
export async function signInAgain(origin: string, user: BenchUser): Promise<string> {
  const headers = { "cf-connecting-ip": user.ip };
  const optionsRes = await postJson(origin, "/api/auth/login/options", { username: user.username }, headers);
  if (!optionsRes.ok)
    throw new Error(`login/options answered ${optionsRes.status}: ${await optionsRes.text()}`);
  const { challengeId, options } = (await optionsRes.json()) as {
    challengeId: string;
    options: Parameters<SoftAuthenticator["assert"]>[0];
  };
  const response = await user.passkey.assert(options, origin);
  const res = await postJson(origin, "/api/auth/login/verify", { challengeId, response }, headers);
  if (!res.ok) throw new Error(`login/verify answered ${res.status}: ${await res.text()}`);
  const cookie = /spotter_session=([^;]*)/.exec(res.headers.get("set-cookie") ?? "")?.[1];
  if (!cookie) throw new Error("sign-in set no session cookie");
  return `spotter_session=${cookie}`;
}
