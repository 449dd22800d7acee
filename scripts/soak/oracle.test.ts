import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { judge, predict, type IntendedEdit } from "./oracle.ts";
import { DEFAULT_FAULTS, startFaultProxy, type FaultProxy, type FaultRates } from "./proxy.ts";

let seq = 0;
const edit = (trueMs: number, e: Omit<IntendedEdit, "trueMs" | "seq" | "device">): IntendedEdit => ({
  trueMs,
  seq: seq++,
  device: "d",
  ...e,
});
const workout = (key: string, at: number) =>
  edit(at, { entity: "workout", op: "put", key, value: { id: key, startedAt: at, updatedAt: at } });
const set = (key: string, workoutId: string, at: number, reps = 5) =>
  edit(at, { entity: "set", op: "put", key, value: { id: key, workoutId, reps, updatedAt: at } });
const reps = (key: string, at: number, value: number) =>
  edit(at, {
    entity: "set",
    op: "put",
    key,
    value: { id: key, workoutId: "w", reps: value, updatedAt: at },
    fields: ["reps", "updatedAt"],
  });

describe("the oracle", () => {
  it("keeps the edit made last in true time, whatever order the edits are listed in", () => {
    const edits = [reps("s", 300, 9), workout("w", 100), set("s", "w", 200), reps("s", 250, 7)];
    expect(predict(edits).get("set:s")?.value).toMatchObject({ reps: 9 });
    expect(predict([...edits].reverse()).get("set:s")?.value).toMatchObject({ reps: 9 });
  });

  it("treats a delete as final: a later edit does not bring the record back", () => {
    const edits = [workout("w", 1), set("s", "w", 2), edit(3, { entity: "set", op: "delete", key: "s" })];
    expect(predict([...edits, reps("s", 4, 8)]).get("set:s")?.value).toBeNull();
  });

  it("deletes a set under a deleted workout, even one made after the delete on another device", () => {
    const edits = [
      workout("w", 1),
      edit(2, { entity: "workout", op: "delete", key: "w" }),
      set("late", "w", 3),
    ];
    expect(predict(edits).get("set:late")?.value).toBeNull();
  });
});

describe("the verdict", () => {
  const oracle = predict([workout("w", 1), set("s", "w", 2), set("gone", "w", 3), reps("s", 4, 9)]);
  oracle.set("set:gone", { entity: "set", value: null });
  const server = new Map<string, Record<string, unknown>>([
    ["workout:w", { id: "w", startedAt: 1, updatedAt: 1 }],
    ["set:s", { id: "s", workoutId: "w", reps: 9, updatedAt: 4 }],
  ]);

  it("finds nothing when the server and every device hold what was intended (updatedAt aside)", () => {
    const device = new Map(server);
    const v = judge(oracle, new Map([...server].map(([k, r]) => [k, { ...r, updatedAt: 99 }])), new Map());
    expect(v).toMatchObject({ lost: 0, duplicated: 0, resurrected: 0 });
    expect(judge(oracle, server, new Map([["d1", device]])).divergent).toBe(0);
  });

  it("counts a lost edit, a lost record, a duplicate, a resurrection and a divergent device", () => {
    const stale = new Map(server).set("set:s", { id: "s", workoutId: "w", reps: 5, updatedAt: 2 });
    expect(judge(oracle, stale, new Map()).lost).toBe(1);
    const missing = new Map(server);
    missing.delete("workout:w");
    expect(judge(oracle, missing, new Map()).lost).toBe(1);
    const extra = new Map(server).set("set:x", { id: "x" });
    expect(judge(oracle, extra, new Map()).duplicated).toBe(1);
    const back = new Map(server).set("set:gone", { id: "gone" });
    expect(judge(oracle, server, new Map([["d1", back]])).resurrected).toBe(1);
    expect(judge(oracle, server, new Map([["d1", stale]])).divergent).toBe(1);
  });
});

describe("the fault proxy", () => {
  let upstream: http.Server | undefined;
  let proxy: FaultProxy | undefined;
  afterEach(async () => {
    await proxy?.close();
    await new Promise<void>((resolve) => (upstream ? upstream.close(() => resolve()) : resolve()));
  });

  async function through(rates: Partial<FaultRates>) {
    const seen: string[] = [];
    upstream = http.createServer((req, res) => {
      seen.push(req.url ?? "");
      res.end('{"ok":true}');
    });
    await new Promise<void>((resolve) => upstream!.listen(0, "127.0.0.1", resolve));
    const { port } = upstream.address() as AddressInfo;
    const none = { dropBefore: 0, dropAfter: 0, error500: 0, error500After: 0, tooMany429: 0, delay: 0 };
    proxy = await startFaultProxy(
      `http://127.0.0.1:${port}`,
      { ...DEFAULT_FAULTS, ...none, ...rates },
      () => 0.5,
    );
    const answer = await fetch(`${proxy.origin}/api/x`).then(
      async (res) => `${res.status} ${await res.text()}`,
      () => "network error",
    );
    return { seen, answer };
  }

  it("loses the answer of a request the server has applied", async () => {
    expect(await through({ dropAfter: 1 })).toEqual({ seen: ["/api/x"], answer: "network error" });
  });

  it("drops a request before the server sees it", async () => {
    expect(await through({ dropBefore: 1 })).toEqual({ seen: [], answer: "network error" });
  });

  it("answers 500 without reaching the server", async () => {
    const before = await through({ error500: 1 });
    expect(before.seen).toEqual([]);
    expect(before.answer).toMatch(/^500 /);
  });

  it("answers 500 after the server applied the request", async () => {
    const after = await through({ error500After: 1 });
    expect(after.seen).toEqual(["/api/x"]);
    expect(after.answer).toMatch(/^500 /);
  });
});
