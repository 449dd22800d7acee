// One simulated device: the app's own IndexedDB schema (fake-indexeddb), its own repository writes
// and its own sync client (web/sync's syncOnce over httpSyncTransport), signed in with its own
// session, reaching the Worker through the fault proxy, on its own (skewed) clock. The tab can be
// killed (the database closed mid-work and opened again, as a reload would) and taken offline.
import { SpotterDb, setDatabase } from "../../web/db/database";
import { setSignedInAccount } from "../../web/sync/meta";
import { syncOnce } from "../../web/sync/sync-once";
import { httpSyncTransport } from "../../web/sync/transport";
import { withClock, type DeviceClock } from "./clock.ts";
import type { IntendedEdit } from "./oracle.ts";

/** Local writes use the app's database singleton: one device writes at a time, process-wide. */
let writing: Promise<unknown> = Promise.resolve();

export interface SoakDeviceOptions {
  name: string;
  username: string;
  cookie: string;
  proxyOrigin: string;
  clock: DeviceClock;
  /** The true time of an edit made now (the user's simulated time, without this device's skew). */
  trueNow: () => number;
  /** Where intended edits are recorded for the oracle. */
  record: (edit: IntendedEdit) => void;
  nextSeq: () => number;
}

export class SoakDevice {
  db: SpotterDb;
  online = true;
  /** Set while the tab is being killed: requests fail as a closed page's would. */
  private killed = false;
  readonly transport;
  syncs = 0;
  syncFailures = 0;
  kills = 0;

  constructor(private readonly opts: SoakDeviceOptions) {
    this.db = new SpotterDb(`soak-${opts.name}`);
    const fetchImpl: typeof fetch = async (input, init) => {
      if (!this.online || this.killed) throw new TypeError("fetch failed");
      const headers = new Headers(init?.headers);
      headers.set("cookie", opts.cookie);
      headers.set("origin", opts.proxyOrigin);
      return fetch(input, { ...init, headers });
    };
    this.transport = httpSyncTransport(fetchImpl, opts.proxyOrigin);
  }

  get name(): string {
    return this.opts.name;
  }

  async signIn(): Promise<void> {
    await withClock(this.opts.clock, () => setSignedInAccount(this.db, { username: this.opts.username }));
  }

  /**
   * Runs one local write as the app does (the repository on the app's database), then records the
   * outbox rows it queued as intended edits at this moment's true time.
   */
  async write<T>(body: () => Promise<T>): Promise<T> {
    const run = async () => {
      const before = new Set(await this.db.outbox.toCollection().primaryKeys());
      setDatabase(this.db);
      const result = await withClock(this.opts.clock, body);
      const trueMs = this.opts.trueNow();
      const added = await this.db.outbox.filter((row) => !before.has(row.id!)).sortBy("id");
      for (const row of added) {
        this.opts.record({
          trueMs,
          seq: this.opts.nextSeq(),
          device: this.opts.name,
          entity: row.entity,
          op: row.op,
          key: row.key,
          ...(row.op === "put" ? { value: row.value as Record<string, unknown> } : {}),
          ...(row.op === "put" && row.fields ? { fields: row.fields } : {}),
        });
      }
      return result;
    };
    const next = writing.then(run, run);
    writing = next.catch(() => undefined);
    return next;
  }

  /** One sync as the app's scheduler runs it; failures (offline, injected faults) are counted, not thrown. */
  async sync(): Promise<boolean> {
    this.syncs += 1;
    try {
      await withClock(this.opts.clock, () => syncOnce(this.db, this.transport));
      return true;
    } catch {
      this.syncFailures += 1;
      return false;
    }
  }

  /** Kills the tab `afterMs` into a sync (or between a write and its sync when not syncing). */
  async killDuringSync(afterMs: number): Promise<void> {
    const running = this.sync();
    await new Promise((r) => setTimeout(r, afterMs));
    this.killed = true;
    this.db.close();
    await running;
    await this.reopen();
  }

  /** Closes the database and opens it again, as a reload does. */
  async reopen(): Promise<void> {
    this.killed = true;
    this.db.close();
    this.kills += 1;
    this.db = new SpotterDb(`soak-${this.opts.name}`);
    await this.db.open();
    this.killed = false;
  }

  /** The device's live records by `entity:key` (what the app would show). */
  async holding(): Promise<Map<string, Record<string, unknown>>> {
    const out = new Map<string, Record<string, unknown>>();
    for (const [entity, table] of [
      ["workout", this.db.workouts],
      ["set", this.db.sets],
      ["profile", this.db.profiles],
    ] as const) {
      for (const row of await table.toArray()) out.set(`${entity}:${row.id}`, { ...row });
    }
    return out;
  }

  /** Changes this device still holds back: its outbox and quarantine. */
  async pending(): Promise<{ outbox: number; quarantined: number }> {
    return { outbox: await this.db.outbox.count(), quarantined: await this.db.quarantine.count() };
  }
}
