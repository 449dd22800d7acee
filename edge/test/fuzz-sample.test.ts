import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { describe as describeRequest, problemWith, toRequest } from "../../scripts/fuzz/exchange";
import { sampleRequests } from "../../scripts/fuzz/requests";
import worker from "../index";
import { ORIGIN, signUp } from "./helpers";

// The CI sample of `npm run fuzz`: the same generated hostile requests, through the Worker's own
// fetch handler with local D1 and KV. Called directly rather than through `exports.default`, whose
// per-call cost grows with every call in a file. A fixed seed keeps a failure reproducible.
const SEED = 20261126;
const COUNT = 2000;

describe("fuzz sample", () => {
  it(`answers ${COUNT} hostile requests on every route without a 5xx, each error in the envelope`, async () => {
    const users = await Promise.all(Array.from({ length: 6 }, (_, i) => signUp(`fuzz${i}`)));
    const problems: string[] = [];
    const statuses = new Map<number, number>();
    for (const [i, req] of sampleRequests(COUNT, SEED).entries()) {
      const ctx = createExecutionContext();
      const res = await worker.fetch(toRequest(req, ORIGIN, users[i % users.length]?.cookie), env, ctx);
      const problem = await problemWith(req, res);
      await waitOnExecutionContext(ctx);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (problem) problems.push(`${problem}\n  ← ${describeRequest(req)}`);
    }
    console.log(`fuzz sample: ${COUNT} requests, statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    expect(problems).toEqual([]);
    // The sample reaches past validation: successes and several kinds of refusal.
    expect(statuses.get(200)).toBeGreaterThan(100);
    for (const status of [400, 401, 404]) expect(statuses.get(status), `status ${status}`).toBeGreaterThan(0);
  }, 120_000);
});
