// Simulated users for the API benchmark: each signs up through the real passkey routes (with the
// edge tests' software authenticator), then pushes a few workouts so its reads return data.
import { SoftAuthenticator } from "../../edge/test/authenticator.ts";

export interface BenchUser {
  username: string;
  cookie: string;
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
  });
  return res;
}

/** Signs up, retrying when the local runtime restarted mid-request (it answers 503 then). */
export async function signUpUser(origin: string, prefix: string, attempts = 3): Promise<BenchUser> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await signUpOnce(origin, prefix);
    } catch (err) {
      if (attempt >= attempts || !(err instanceof SignUpError && err.status === 503)) throw err;
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
  return { username, cookie: `spotter_session=${cookie}` };
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
export const pushBody = (mutations: object[], clientId = crypto.randomUUID()) =>
  JSON.stringify({ schemaVersion: 1, clientId, mutations });

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
