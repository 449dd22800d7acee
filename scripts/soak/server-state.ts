// What the server holds for a user: every record pulled from the start (each once, at its latest
// version), deleted ones left out, by `entity:key`. Read directly, not through the fault proxy.
import type { Holding } from "./oracle.ts";

interface PullPage {
  changes: { entity: string; key: string; value: Record<string, unknown> | null }[];
  cursor: string;
  hasMore: boolean;
}

export async function readServer(origin: string, cookie: string): Promise<Holding> {
  const latest = new Map<string, Record<string, unknown> | null>();
  let cursor: string | null = null;
  for (let page = 0; page < 10_000; page++) {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
    const res = await fetch(`${origin}/api/sync/pull?limit=500${query}`, { headers: { cookie } });
    if (!res.ok) throw new Error(`pull answered ${res.status}: ${await res.text()}`);
    const body = (await res.json()) as PullPage;
    for (const c of body.changes) latest.set(`${c.entity}:${c.key}`, c.value);
    cursor = body.cursor;
    if (!body.hasMore) break;
  }
  const holding: Holding = new Map();
  for (const [key, value] of latest) if (value !== null) holding.set(key, value);
  return holding;
}
