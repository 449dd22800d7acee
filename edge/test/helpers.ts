import { exports } from "cloudflare:workers";
import { sha256Hex } from "../auth/tokens";
import { SoftAuthenticator } from "./authenticator";

export const ORIGIN = "http://localhost";

/**
 * Waits, when fewer than `needMs` are left in the limit's current window, until the next one begins.
 * The local Rate Limiting binding counts in fixed windows of the limit's period aligned to the clock
 * (whole minutes for ours), so a test that fills a quota while a window turns sees its count start
 * again and never meets the limit.
 */
export async function quotaWindowWithRoomFor(limit: { periodMs: number }, needMs: number): Promise<void> {
  const left = limit.periodMs - (Date.now() % limit.periodMs);
  if (left < needMs) await new Promise((resolve) => setTimeout(resolve, left + 100));
}

let ipCounter = 0;
/** A fresh client address per account so the auth rate limit only bites where a test wants it. */
export const freshIp = () => `10.0.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

export interface CallOptions {
  method?: string;
  json?: unknown;
  body?: string;
  cookie?: string;
  ip?: string;
  headers?: Record<string, string>;
}

/** Calls the Worker like a browser on the same origin would. */
export function call(path: string, options: CallOptions = {}): Promise<Response> {
  const headers = new Headers(options.headers);
  if (options.cookie) headers.set("cookie", options.cookie);
  if (options.ip) headers.set("cf-connecting-ip", options.ip);
  let body = options.body;
  if (options.json !== undefined) body = JSON.stringify(options.json);
  if (body !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json");
  return exports.default.fetch(
    new Request(`${ORIGIN}${path}`, { method: options.method ?? (body ? "POST" : "GET"), headers, body }),
  );
}

/** `name=value` of the session cookie a response sets, for the next request's Cookie header. */
export function sessionCookie(res: Response): string {
  const header = res.headers.get("set-cookie") ?? "";
  const match = /spotter_session=([^;]*)/.exec(header);
  if (!match?.[1]) throw new Error(`No session cookie in: ${header}`);
  return `spotter_session=${match[1]}`;
}

/** The hash D1 keeps for the token in a session cookie (`name=value`). */
export const tokenHashOf = (cookie: string) => sha256Hex(cookie.slice(cookie.indexOf("=") + 1));

export async function json<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

export interface Account {
  username: string;
  userId: string;
  cookie: string;
  recoveryCode: string;
  passkey: SoftAuthenticator;
  ip: string;
}

type LoginOptions = { challengeId: string; options: Parameters<SoftAuthenticator["assert"]>[0] };

/** Signs in again with the account's passkey: another device of the same person. */
export async function signIn(account: Pick<Account, "username" | "passkey" | "ip">): Promise<Response> {
  const options = await json<LoginOptions>(
    await call("/api/auth/login/options", { json: { username: account.username }, ip: account.ip }),
  );
  const response = await account.passkey.assert(options.options, ORIGIN);
  return call("/api/auth/login/verify", {
    json: { challengeId: options.challengeId, response },
    ip: account.ip,
  });
}

let userCounter = 0;

/** Signs up a new user with a software passkey, end to end through the API. */
export async function signUp(prefix = "user"): Promise<Account> {
  const username = `${prefix}-${Date.now().toString(36)}-${++userCounter}`;
  const ip = freshIp();
  const options = await json<{ challengeId: string; options: Parameters<SoftAuthenticator["register"]>[0] }>(
    await call("/api/auth/register/options", { json: { username }, ip }),
  );
  const passkey = await SoftAuthenticator.create();
  const response = await passkey.register(options.options, ORIGIN);
  const res = await call("/api/auth/register/verify", {
    json: { challengeId: options.challengeId, response },
    ip,
    headers: {
      "user-agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/140.0 Safari/537.36",
    },
  });
  if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
  const body = await json<{ user: { id: string }; recoveryCode: string }>(res.clone());
  return {
    username,
    userId: body.user.id,
    cookie: sessionCookie(res),
    recoveryCode: body.recoveryCode,
    passkey,
    ip,
  };
}

/** A UUIDv7-shaped id, unique per call. */
let idCounter = 0;
export function uuid7(): string {
  const ms = (Date.now() + ++idCounter).toString(16).padStart(12, "0");
  const rand = crypto.randomUUID().replaceAll("-", "");
  return `${ms.slice(0, 8)}-${ms.slice(8, 12)}-7${rand.slice(0, 3)}-${"89ab"[idCounter % 4]}${rand.slice(3, 6)}-${rand.slice(6, 18)}`;
}

export const clientId = () => crypto.randomUUID();

/** A camera-counted set of 5 squats at 80 kg in `workoutId`: the set record most tests push. */
export function squatSet(id: string, workoutId: string, updatedAt: number) {
  return {
    id,
    workoutId,
    exerciseId: "squat",
    order: 0,
    performedAt: updatedAt,
    reps: 5,
    weightKg: 80,
    rpe: null,
    restMs: null,
    source: "camera",
    repForm: [{ score: 88, faults: [] }],
    updatedAt,
  };
}

/** A whole training profile as the app saves it, last changed at `updatedAt`. */
export const profileRecord = (updatedAt: number) => ({
  id: "self",
  units: "kg",
  heightCm: 175,
  weightKg: 72.5,
  birthYear: 1991,
  sex: "unspecified",
  goal: "strength",
  experience: "intermediate",
  equipment: ["dumbbell"],
  trainingDays: 3,
  updatedAt,
});

/** How many D1 round trips the Worker says (Server-Timing) it made for `res`. */
export const queriesOf = (res: Response) =>
  Number(/db;dur=[\d.]+;desc="(\d+) queries"/.exec(res.headers.get("server-timing") ?? "")?.[1]);

/** A manually logged set of `reps` squats at `atMs` under `workoutId`, as the app stores it. */
export const setRecord = (id: string, workoutId: string, atMs: number, reps = 5) => ({
  id,
  workoutId,
  exerciseId: "squat",
  order: 0,
  performedAt: atMs,
  reps,
  weightKg: 60,
  rpe: null,
  restMs: null,
  source: "manual",
  repForm: [],
  updatedAt: atMs,
});
