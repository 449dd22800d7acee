// The app's own traffic, user by user, on the cadence its code has (web/sync/scheduler.ts,
// web/api/auth.ts, web/features/profile; derived in docs/scale.md): each open syncs (a pull), the
// timer pulls every 60 s while the app is visible, a write during a workout pushes 2 s later and
// pulls after the push's answer, a visit to Profile reads the account, devices and passkeys, and
// now and then an open starts with a passkey sign-in. Times are real seconds; a run compresses
// them by one factor so the same mix arrives faster (the order within each user is kept).
import type { Arrival, PlannedRequest } from "./load-gen.ts";
import { devicePush, uuid7, type BenchUser } from "./api-users.ts";

/** The cadence, from the app's code. */
export const CADENCE = {
  /** The scheduler's timer while the page is visible. */
  pullEveryS: 60,
  /** The scheduler's debounce after a local write. */
  pushAfterWriteS: 2,
  /** A logged set per this many seconds during a workout (rest between sets; docs/scale.md). */
  setEveryS: 150,
  /** Share of app visits that are a workout (the rest: logging food, browsing the plan or log). */
  trainingShare: 0.5,
  /** Share of opens that begin with a passkey sign-in (a new device or an expired session). */
  signInShare: 0.05,
  /** Share of opens that visit Profile (account, devices, passkeys). */
  profileShare: 0.2,
} as const;

type EventKind = "open" | "timer" | "write";
interface UserEvent {
  atS: number;
  user: number;
  kind: EventKind;
  signIn?: boolean;
  profile?: boolean;
}

const uniform = (random: () => number, lo: number, hi: number) => lo + (hi - lo) * random();

/**
 * Each user's app visits over `windowS` real seconds, in steady state (visits may have begun before
 * the window): a workout of 45–75 min or a short visit of 3–15 min, then hidden for 2–20 min.
 */
export function userEvents(users: number, windowS: number, random: () => number): UserEvent[] {
  const events: UserEvent[] = [];
  for (let user = 0; user < users; user++) {
    let t = -uniform(random, 0, 5400);
    while (t < windowS) {
      const training = random() < CADENCE.trainingShare;
      const lengthS = training ? uniform(random, 2700, 4500) : uniform(random, 180, 900);
      const open: UserEvent = {
        atS: t,
        user,
        kind: "open",
        signIn: random() < CADENCE.signInShare,
        profile: random() < CADENCE.profileShare,
      };
      const visit: UserEvent[] = [open];
      for (let s = t + CADENCE.pullEveryS; s < t + lengthS; s += CADENCE.pullEveryS) {
        visit.push({ atS: s, user, kind: "timer" });
      }
      if (training) {
        for (let s = t + uniform(random, 60, 180); s < t + lengthS; s += uniform(random, 120, 180)) {
          visit.push({ atS: s, user, kind: "write" });
        }
      }
      events.push(...visit.filter((e) => e.atS >= 0 && e.atS < windowS));
      t += lengthS + uniform(random, 120, 1200);
    }
  }
  return events.sort((a, b) => a.atS - b.atS);
}

/** Requests per second one user sends on average at real cadence (from a long generated window). */
export function requestsPerUserPerS(random: () => number): number {
  const users = 200;
  const windowS = 4 * 3600;
  const events = userEvents(users, windowS, random);
  const perEvent = (e: UserEvent) =>
    e.kind === "timer" ? 1 : e.kind === "write" ? 2 : 1 + (e.signIn ? 2 : 0) + (e.profile ? 3 : 0);
  return events.reduce((sum, e) => sum + perEvent(e), 0) / users / windowS;
}

/** A set logged in the user's workout, as the app's outbox would send it. */
export function setMutation(workoutId: string, order: number) {
  const id = uuid7();
  const now = Date.now();
  return {
    entity: "set",
    op: "put",
    key: id,
    value: {
      id,
      workoutId,
      exerciseId: "squat",
      order,
      performedAt: now,
      reps: 5,
      weightKg: 100,
      rpe: 8,
      restMs: 150_000,
      source: "manual",
      repForm: [],
      updatedAt: now,
    },
  };
}

export interface TrafficUser extends BenchUser {
  /** The workout the user's sets go to, once its first push has created it. */
  workoutId: string | null;
  setsLogged: number;
}

/** The next push's changes: a set, preceded by its workout on the user's first push. */
function nextChanges(user: TrafficUser): object[] {
  if (user.workoutId !== null) return [setMutation(user.workoutId, user.setsLogged++)];
  const workoutId = uuid7();
  user.workoutId = workoutId;
  const now = Date.now();
  const workout = { id: workoutId, startedAt: now, updatedAt: now };
  return [
    { entity: "workout", op: "put", key: workoutId, value: workout },
    setMutation(workoutId, user.setsLogged++),
  ];
}

/** The app's pull from the user's cursor, which it moves on. */
export function pull(user: TrafficUser): PlannedRequest {
  const query = user.cursor ? `?cursor=${encodeURIComponent(user.cursor)}` : "";
  return {
    endpoint: "GET /api/sync/pull",
    method: "GET",
    path: `/api/sync/pull${query}`,
    headers: { cookie: user.cookie },
    onAnswer: (status, body) => {
      if (status !== 200) return;
      user.cursor = (JSON.parse(body) as { cursor: string }).cursor;
    },
  };
}

const get = (endpoint: string, user: TrafficUser): PlannedRequest => ({
  endpoint: `GET ${endpoint}`,
  method: "GET",
  path: endpoint,
  headers: { cookie: user.cookie },
});

/** An answer to wait for: a later request of the same user that needs it awaits `answered`. */
function answerOf(plan: PlannedRequest): { plan: PlannedRequest; answered: Promise<string> } {
  let resolve: (body: string) => void = () => undefined;
  const answered = new Promise<string>((r) => (resolve = r));
  const onAnswer = plan.onAnswer;
  return {
    plan: {
      ...plan,
      onAnswer: (status, body) => {
        onAnswer?.(status, body);
        resolve(status >= 200 && status < 300 ? body : "");
      },
    },
    answered,
  };
}

function signIn(user: TrafficUser, origin: string, atMs: number, stepMs: number): Arrival[] {
  const headers = { "cf-connecting-ip": user.ip, origin };
  const options = answerOf({
    endpoint: "POST /api/auth/login/options",
    method: "POST",
    path: "/api/auth/login/options",
    headers,
    body: JSON.stringify({ username: user.username }),
  });
  const verify = async (): Promise<PlannedRequest> => {
    const text = await options.answered;
    const { challengeId, options: requestOptions } = (text ? JSON.parse(text) : {}) as {
      challengeId?: string;
      options?: Parameters<BenchUser["passkey"]["assert"]>[0];
    };
    const response = requestOptions ? await user.passkey.assert(requestOptions, origin) : null;
    return {
      endpoint: "POST /api/auth/login/verify",
      method: "POST",
      path: "/api/auth/login/verify",
      headers,
      body: JSON.stringify({ challengeId, response }),
    };
  };
  return [
    { atMs, plan: () => options.plan },
    { atMs: atMs + stepMs, plan: verify },
  ];
}

/**
 * The arrivals of `events` for a run `compression` times faster than real time: a user's second
 * request of an event (the verify after its options, the pull after its push) waits for the first
 * one's answer, as the app does.
 */
export function arrivalsOf(
  events: readonly UserEvent[],
  users: readonly TrafficUser[],
  origin: string,
  compression: number,
): Arrival[] {
  const ms = (s: number) => (s * 1000) / compression;
  const arrivals: Arrival[] = [];
  for (const e of events) {
    const user = users[e.user];
    if (!user) continue;
    const at = ms(e.atS);
    if (e.kind === "timer") arrivals.push({ atMs: at, plan: () => pull(user) });
    if (e.kind === "open") {
      if (e.signIn) arrivals.push(...signIn(user, origin, at, ms(1)));
      arrivals.push({ atMs: at + (e.signIn ? ms(1.5) : 0), plan: () => pull(user) });
      if (e.profile) {
        for (const path of ["/api/auth/me", "/api/auth/devices", "/api/auth/passkeys"]) {
          arrivals.push({ atMs: at + ms(10), plan: () => get(path, user) });
        }
      }
    }
    if (e.kind === "write") {
      const pushAt = at + ms(CADENCE.pushAfterWriteS);
      let pushed: Promise<string> | undefined;
      arrivals.push({
        atMs: pushAt,
        plan: () => {
          const sent = answerOf({
            endpoint: "POST /api/sync/push",
            method: "POST",
            path: "/api/sync/push",
            headers: { cookie: user.cookie, origin },
            body: devicePush(user, nextChanges(user)),
          });
          pushed = sent.answered;
          return sent.plan;
        },
      });
      arrivals.push({
        atMs: pushAt,
        plan: async () => {
          await pushed;
          return pull(user);
        },
      });
    }
  }
  return arrivals;
}
