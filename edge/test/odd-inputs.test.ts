import { describe, expect, it } from "vitest";
import { call, clientId, signUp, type CallOptions } from "./helpers";

const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth);

/** Requests a client can send by mistake or on purpose; none may cost a 5xx or answer outside the envelope. */
function oddRequests(cookie: string): (CallOptions & { path: string })[] {
  const push = (body: string, headers: Record<string, string> = {}) => ({
    path: "/api/sync/push",
    method: "POST",
    body,
    cookie,
    headers: { "content-type": "application/json", ...headers },
  });
  const mutation = (extra: object) =>
    JSON.stringify({
      schemaVersion: 1,
      clientId: clientId(),
      mutations: [{ id: 1, entity: "workout", op: "delete", key: crypto.randomUUID(), ...extra }],
    });
  return [
    { path: "/api/sync/pull?limit=1000000000", cookie },
    { path: "/api/sync/pull?limit=-1", cookie },
    { path: "/api/sync/pull?limit=1e400", cookie },
    { path: "/api/sync/pull?limit=abc&limit=2", cookie },
    { path: `/api/sync/pull?cursor=${"A".repeat(5000)}`, cookie },
    { path: "/api/sync/pull?cursor=%ZZ", cookie },
    { path: "/api/workouts?limit=99999999999999999999", cookie },
    { path: "/api/workouts?fields=sets,nope,__proto__", cookie },
    { path: "/api/workouts?cursor=!!!", cookie },
    { path: "/api/auth/devices/%ZZ", method: "DELETE", cookie },
    { path: `/api/auth/passkeys/${"x".repeat(10_000)}`, method: "DELETE", cookie },
    push("{}", { "content-type": "text/plain" }),
    push("schemaVersion=1", { "content-type": "application/x-www-form-urlencoded" }),
    push("{", {}),
    push("null"),
    push("[]"),
    push('"text"'),
    push(nested(100_000)),
    push(mutation({ id: 1e308 })),
    push(mutation({ id: 2 ** 53 + 2 })),
    push(mutation({ id: -1 })),
    push(mutation({ id: 1.5 })),
    push(mutation({ stamp: "zzz" })),
    push(mutation({ unknownField: { deep: [1, 2, 3] } })),
    push(mutation({ entity: "__proto__" })),
    push(JSON.stringify({ schemaVersion: 1, clientId: clientId(), mutations: [], extra: 1 })),
    push(JSON.stringify({ schemaVersion: 99, clientId: clientId(), mutations: [] })),
    push(JSON.stringify({ schemaVersion: 1, clientId: "x".repeat(100_000), mutations: [] })),
    push("x".repeat(3_000_000)),
    { path: "/api/profile", method: "PUT", body: "{}", cookie, headers: { "content-type": "text/plain" } },
    { path: "/api/profile", method: "PUT", body: "x".repeat(100_000), cookie, headers: {} },
    { path: "/api/profile", method: "PATCH", body: "{}", cookie },
    { path: "/api/account", method: "DELETE", cookie },
    { path: "/api/account", method: "DELETE", body: "[1]", cookie },
    { path: "/api/auth/login/options", method: "POST", body: '{"username":{"$gt":""}}' },
    { path: "/api/auth/login/verify", method: "POST", body: '{"challengeId":"x","response":{}}' },
    { path: "/api/auth/register/verify", method: "POST", body: '{"challengeId":1,"response":null}' },
    { path: "/api/auth/recover", method: "POST", body: '{"username":"a","code":"' + "9".repeat(5000) + '"}' },
    { path: "/api/sync/pull", cookie, headers: { "x-d1-bookmark": "x".repeat(300) } },
    { path: "/api/sync/pull", cookie: "spotter_session=" + "%".repeat(43) },
    { path: "/api/health", method: "OPTIONS" },
  ];
}

describe("odd requests", () => {
  it("never cost a 5xx; every refusal comes in the error envelope", async () => {
    const account = await signUp("odd");
    const problems: string[] = [];
    for (const req of oddRequests(account.cookie)) {
      const res = await call(req.path, req);
      const text = await res.text();
      const label = `${req.method ?? "GET"} ${req.path.slice(0, 60)} ${(req.body ?? "").slice(0, 40)}`;
      if (res.status >= 500) problems.push(`${label}: ${res.status} ${text.slice(0, 200)}`);
      else if (res.status >= 400 && !/^\{"error":\{"code":"[a-z_]+","message":/.test(text))
        problems.push(`${label}: ${res.status} without the envelope: ${text.slice(0, 200)}`);
    }
    expect(problems).toEqual([]);
  });
});
