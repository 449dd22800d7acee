import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, json } from "./helpers";

type Exercise = {
  id: string;
  name: string;
  level: string;
  equipment: string | null;
  primaryMuscles: string[];
  secondaryMuscles: string[];
  coachId: string | null;
};
type Page = { exercises: Exercise[]; cursor: string | null };

const cacheOf = (res: Response) => /cache;desc=(hit|miss)/.exec(res.headers.get("server-timing") ?? "")?.[1];

describe("/api/exercises", () => {
  it("serves the whole seeded library in one page of up to 1000", async () => {
    const page = await json<Page>(await call("/api/exercises?limit=1000"));
    expect(page.exercises).toHaveLength(873);
    expect(page.cursor).toBeNull();
    expect(new Set(page.exercises.map((e) => e.id)).size).toBe(873);
  });

  it("pages with a cursor without gaps or repeats", async () => {
    const ids: string[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const res: Page = await json<Page>(
        await call(`/api/exercises?limit=300${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`),
      );
      ids.push(...res.exercises.map((e) => e.id));
      cursor = res.cursor;
    }
    expect(ids).toHaveLength(873);
    expect([...ids].sort()).toEqual(ids);
  });

  it("filters by name, muscle, equipment, level and coachability", async () => {
    const squats = await json<Page>(await call("/api/exercises?q=SQUAT&limit=1000"));
    expect(squats.exercises.length).toBeGreaterThan(10);
    expect(squats.exercises.every((e) => e.name.toLowerCase().includes("squat"))).toBe(true);

    const filtered = await json<Page>(
      await call("/api/exercises?muscle=biceps&equipment=dumbbell&level=beginner&limit=1000"),
    );
    expect(filtered.exercises.length).toBeGreaterThan(0);
    for (const e of filtered.exercises) {
      expect([...e.primaryMuscles, ...e.secondaryMuscles]).toContain("biceps");
      expect(e.equipment).toBe("dumbbell");
      expect(e.level).toBe("beginner");
    }

    const coachable = await json<Page>(await call("/api/exercises?coachable=true&limit=1000"));
    expect(coachable.exercises.length).toBeGreaterThan(10);
    expect(coachable.exercises.every((e) => e.coachId !== null)).toBe(true);
    expect(new Set(coachable.exercises.map((e) => e.coachId))).toContain("squat");
  });

  it("treats LIKE wildcards in the search as plain text", async () => {
    const page = await json<Page>(await call("/api/exercises?q=%25&limit=1000"));
    expect(page.exercises).toEqual([]);
  });

  it("answers the second identical read from KV", async () => {
    const url = `/api/exercises?level=expert&limit=7`;
    const first = await call(url);
    const second = await call(url);
    expect(cacheOf(first)).toBe("miss");
    expect(cacheOf(second)).toBe("hit");
    expect(await second.json()).toEqual(await first.json());
    expect(second.headers.get("server-timing")).toContain('desc="0 queries"');
  });

  it("returns one exercise by id, cached, and 404 for an unknown id", async () => {
    const first = await call("/api/exercises/Bodyweight_Squat");
    expect(first.status).toBe(200);
    expect(await json(first)).toMatchObject({ exercise: { id: "Bodyweight_Squat", coachId: "squat" } });
    expect(cacheOf(await call("/api/exercises/Bodyweight_Squat"))).toBe("hit");
    const missing = await call("/api/exercises/No_Such_Thing");
    expect(missing.status).toBe(404);
    expect(await json(missing)).toMatchObject({ error: { code: "not_found" } });
  });

  it("answers long and odd searches without a server error", async () => {
    const reported = ["a".repeat(49), "_".repeat(25), encodeURIComponent("中".repeat(64))];
    for (const q of reported) {
      const res = await call(`/api/exercises?q=${q}`);
      expect(res.status).toBe(200);
      expect(await json<Page>(res)).toEqual({ exercises: [], cursor: null });
    }
    // Long enough that the old LIKE pattern failed, and still found.
    const long = await json<Page>(
      await call(`/api/exercises?q=${encodeURIComponent("stiff-legged barbell deadlift")}`),
    );
    expect(long.exercises.map((e) => e.id)).toEqual(["Stiff-Legged_Barbell_Deadlift"]);
  });

  it("refuses a search over 64 characters with a clear 400", async () => {
    const res = await call(`/api/exercises?q=${"a".repeat(65)}`);
    expect(res.status).toBe(400);
    const body = await json<{ error: { code: string; details: { path: string }[] } }>(res);
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.details.map((d) => d.path)).toEqual(["q"]);
  });

  it("keeps searches out of KV but still answers a repeated one from cache", async () => {
    const q = `squat-${crypto.randomUUID().slice(0, 8)}`;
    const first = await call(`/api/exercises?q=${q}`);
    const second = await call(`/api/exercises?q=${q}`);
    expect(cacheOf(first)).toBe("miss");
    expect(cacheOf(second)).toBe("hit");
    const { keys } = await env.CACHE.list({ prefix: "exercises:" });
    expect(keys.some((k) => k.name.includes(q))).toBe(false);
    expect(keys.every((k) => new TextEncoder().encode(k.name).length <= 512)).toBe(true);
  });

  it("treats a default and an explicit default page size as one cache entry", async () => {
    await call("/api/exercises?equipment=kettlebells");
    expect(cacheOf(await call("/api/exercises?equipment=kettlebells&limit=100"))).toBe("hit");
  });

  it("refuses bad filters with 400", async () => {
    for (const query of ["limit=1001", "limit=-1", "muscle=spleen", "level=godlike", "coachable=maybe"]) {
      const res = await call(`/api/exercises?${query}`);
      expect(res.status).toBe(400);
      expect(await json(res)).toMatchObject({ error: { code: "validation_failed" } });
    }
  });
});
