import { updatableFields, type EntityKind } from "../../../shared/schemas/entities";
import type { Mutation, PushRequest } from "../../../shared/schemas/sync";
import { acceptedStamp } from "../../../shared/sync/hlc";
import { childrenOf, PARENT_OF } from "../../../shared/sync/parents";
import {
  applyStamped,
  latestStamp,
  type StampedChange,
  type StampedRecord,
} from "../../../shared/sync/stamped";

interface Stored {
  entity: string;
  key: string;
  state: StampedRecord;
  version: number;
}

/**
 * A small in-memory stand-in for `/api/sync/*` with the server's rules: per-client mutation ids
 * (replays skipped), the shared per-field merge by stamp, final deletes that take a workout's sets,
 * sets under a deleted workout tombstoned, pages in server order with stamps, a bookmark header.
 * Its `fetch` is what the sync client is given in tests.
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
    return this.records.get(`${entity}:${key}`)?.state.value;
  }

  private push(body: PushRequest): Response {
    this.pushBodies.push(body);
    if (body.schemaVersion < this.minSchemaVersion) {
      return this.error(409, "unsupported_schema_version", "This app version can no longer sync.");
    }
    if (this.failPushes) return this.error(500, "internal", "Something went wrong.");
    const refused = body.mutations.find((m) => this.refuse(m));
    if (refused) {
      // Worded as the real server words it: the mutation's number, then the field.
      return this.error(400, "validation_failed", `Mutation ${refused.id}: reps: Must be at most 1000.`);
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
    const current = this.records.get(id)?.state ?? null;
    const stamp = acceptedStamp(m.stamp, Date.now(), current ? latestStamp(current) : undefined);
    let change: StampedChange =
      m.op === "delete"
        ? { op: "delete", stamp }
        : {
            op: "put",
            whole: !m.fields,
            fields: m.fields ?? updatableFields(m.entity),
            value: m.value,
            stamp,
          };
    let refused = false;
    if (m.op === "put" && this.parentDeleted(m, current)) {
      change = { op: "delete", stamp };
      refused = true;
    }
    const result = applyStamped(current, change);
    if (result.record && result.record !== current) this.store(m.entity, m.key, result.record);
    if (m.op === "delete") {
      for (const child of childrenOf(m.entity)) {
        for (const r of [...this.records.values()]) {
          if (r.entity === child.entity && r.state.value?.[child.field] === m.key) {
            this.store(r.entity, r.key, applyStamped(r.state, change).record!);
          }
        }
      }
    }
    return result.applied && !refused;
  }

  private store(entity: string, key: string, state: StampedRecord): void {
    this.records.set(`${entity}:${key}`, { entity, key, state, version: ++this.version });
  }

  /** Like the server: a set under a deleted workout is stored as a tombstone. */
  private parentDeleted(m: Extract<Mutation, { op: "put" }>, current: StampedRecord | null): boolean {
    const link = PARENT_OF[m.entity as EntityKind];
    if (!link) return false;
    const parent = m.value[link.field] ?? current?.value?.[link.field];
    return typeof parent === "string" && this.get(link.entity, parent) === null;
  }

  private pull(params: URLSearchParams): Response {
    const after = Number(params.get("cursor") ?? 0);
    const limit = Number(params.get("limit") ?? 200);
    const newer = [...this.records.values()]
      .filter((r) => r.version > after)
      .sort((a, b) => a.version - b.version);
    const page = newer.slice(0, limit);
    return this.json({
      changes: page.map(({ entity, key, state, version }) => ({
        entity,
        key,
        value: state.value,
        version,
        stamps: state.value === null ? null : state.stamps,
      })),
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
