import type { Mutation, PushRequest } from "../../../shared/schemas/sync";

interface Stored {
  entity: string;
  key: string;
  value: Record<string, unknown> | null;
  version: number;
}

/**
 * A small in-memory stand-in for `/api/sync/*` with the server's rules: per-client mutation ids
 * (replays skipped), field-level puts, tombstones, pages in server order, a bookmark header. Its
 * `fetch` is what the sync client is given in tests.
 */
export class FakeSyncServer {
  readonly records = new Map<string, Stored>();
  readonly pushBodies: PushRequest[] = [];
  readonly bookmarksSeen: (string | null)[] = [];
  private version = 0;
  private readonly lastMutation = new Map<string, number>();
  minSchemaVersion = 1;
  signedIn = true;
  offline = false;
  /** Apply the next push, then fail as if the answer were lost on the way back. */
  loseNextPushAnswer = false;
  /** Answer every push with a 500, as a broken deploy would. */
  failPushes = false;
  /** Refuse with 400 any push holding a mutation this says is invalid (a stricter, newer server). */
  refuse: (m: Mutation) => boolean = () => false;

  readonly fetch: typeof fetch = async (input, init) => {
    if (this.offline) throw new TypeError("Failed to fetch");
    const url = new URL(String(input), "http://localhost");
    this.bookmarksSeen.push(new Headers(init?.headers).get("x-d1-bookmark"));
    if (!this.signedIn) return this.error(401, "unauthorized", "Sign in first.");
    if (url.pathname === "/api/sync/push") return this.push(JSON.parse(String(init?.body)) as PushRequest);
    if (url.pathname === "/api/sync/pull") return this.pull(url.searchParams);
    return this.error(404, "not_found", "No route.");
  };

  /** A record as the server holds it now (null for a tombstone, undefined if never seen). */
  get(entity: string, key: string): Record<string, unknown> | null | undefined {
    return this.records.get(`${entity}:${key}`)?.value;
  }

  private push(body: PushRequest): Response {
    this.pushBodies.push(body);
    if (body.schemaVersion < this.minSchemaVersion) {
      return this.error(409, "unsupported_schema_version", "This app version can no longer sync.");
    }
    if (this.failPushes) return this.error(500, "internal", "Something went wrong.");
    if (body.mutations.some((m) => this.refuse(m))) {
      return this.error(400, "validation_failed", "A change is not valid.");
    }
    let last = this.lastMutation.get(body.clientId) ?? 0;
    const ignored: number[] = [];
    const skipped: number[] = [];
    for (const m of body.mutations) {
      if (m.id <= last) {
        skipped.push(m.id);
        continue;
      }
      if (!this.apply(m)) ignored.push(m.id);
      last = m.id;
    }
    this.lastMutation.set(body.clientId, last);
    if (this.loseNextPushAnswer) {
      this.loseNextPushAnswer = false;
      throw new TypeError("Failed to fetch");
    }
    return this.json({ lastMutationId: last, ignored, skipped });
  }

  private apply(m: Mutation): boolean {
    const id = `${m.entity}:${m.key}`;
    const current = this.records.get(id);
    let value: Record<string, unknown> | null;
    if (m.op === "delete") value = null;
    else if (m.entity === "set" && this.parentDeleted(current?.value?.workoutId ?? m.value.workoutId)) {
      return false;
    } else if (!m.fields) value = m.value;
    else {
      if (!current?.value) return false;
      value = { ...current.value };
      for (const f of m.fields) value[f] = m.value[f];
    }
    this.records.set(id, { entity: m.entity, key: m.key, value, version: ++this.version });
    return true;
  }

  /** Like the server: a set under a deleted workout is ignored. */
  private parentDeleted(workoutId: unknown): boolean {
    return typeof workoutId === "string" && this.get("workout", workoutId) === null;
  }

  private pull(params: URLSearchParams): Response {
    const after = Number(params.get("cursor") ?? 0);
    const limit = Number(params.get("limit") ?? 200);
    const newer = [...this.records.values()]
      .filter((r) => r.version > after)
      .sort((a, b) => a.version - b.version);
    const page = newer.slice(0, limit);
    return this.json({
      changes: page.map(({ entity, key, value, version }) => ({ entity, key, value, version })),
      cursor: String(page.at(-1)?.version ?? after),
      hasMore: newer.length > page.length,
    });
  }

  private json(body: unknown, status = 200): Response {
    return new Response(JSON.stringify(body), {
      status,
      headers: { "content-type": "application/json", "x-d1-bookmark": `b-${this.version}` },
    });
  }

  private error(status: number, code: string, message: string): Response {
    return this.json({ error: { code, message } }, status);
  }
}
