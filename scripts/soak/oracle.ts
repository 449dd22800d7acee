// The oracle: what every device and the server should hold once sync has settled, computed from
// the edits people intended (each outbox row a local write made, with the true time it was made)
// applied in true-time order by the documented rules (shared/sync/README.md): per field the later
// edit wins, a delete is final, a set under a deleted workout is deleted, edits need the record to
// exist. It never looks at what the devices or the server did.

type Fields = Record<string, unknown>;

/** One intended change: an outbox row a local write made, and when (true time) and where. */
export interface IntendedEdit {
  trueMs: number;
  /** Order among edits at the same true time (a device's writes within one moment). */
  seq: number;
  device: string;
  entity: string;
  op: "put" | "delete";
  key: string;
  value?: Fields;
  /** For a partial put: the fields it writes (absent from `value` = removed). */
  fields?: readonly string[];
}

interface OracleRecord {
  entity: string;
  value: Fields | null;
}

/** The parent of a child record kind, as `shared/sync/parents.ts` has it (a set belongs to its workout). */
const PARENT_FIELD: Record<string, { entity: string; field: string }> = {
  set: { entity: "workout", field: "workoutId" },
};

const id = (entity: string, key: string) => `${entity}:${key}`;

/** Applies `edits` in true-time order; returns every record ever created, null when deleted. */
export function predict(edits: readonly IntendedEdit[]): Map<string, OracleRecord> {
  const records = new Map<string, OracleRecord>();
  const sorted = [...edits].sort((a, b) => a.trueMs - b.trueMs || a.seq - b.seq);
  for (const e of sorted) {
    const current = records.get(id(e.entity, e.key));
    if (e.op === "delete") {
      records.set(id(e.entity, e.key), { entity: e.entity, value: null });
      continue;
    }
    if (current?.value === null) continue; // deletes are final
    if (!e.value) continue;
    if (!e.fields) {
      const value: Fields = { ...e.value };
      records.set(id(e.entity, e.key), { entity: e.entity, value });
      continue;
    }
    if (!current) continue; // an edit of a record never created changes nothing
    const value: Fields = { ...current.value };
    for (const f of e.fields) {
      if (e.value[f] === undefined) delete value[f];
      else value[f] = e.value[f];
    }
    records.set(id(e.entity, e.key), { entity: e.entity, value });
  }
  // A child whose parent is deleted is deleted, whenever and wherever either happened.
  for (const record of records.values()) {
    const parent = PARENT_FIELD[record.entity];
    if (!parent || record.value === null) continue;
    const parentKey = record.value[parent.field];
    if (typeof parentKey !== "string") continue;
    if (records.get(id(parent.entity, parentKey))?.value === null) record.value = null;
  }
  return records;
}

/** Fields compared with the oracle: every edit writes `updatedAt`, so two edits of different fields in one moment race on it. */
export const UNCOMPARED_FIELDS: ReadonlySet<string> = new Set(["updatedAt"]);

/** A holder's live records (deleted ones absent): the server's, or one device's. */
export type Holding = Map<string, Fields>;

export interface Verdict {
  /** Records the oracle has alive that the server lacks, or holds with another value. */
  lost: number;
  /** Live records on the server that no intended edit created. */
  duplicated: number;
  /** Records the oracle has deleted that the server or a device still shows. */
  resurrected: number;
  /** Records on which a device and the server disagree (presence or any field). */
  divergent: number;
  /** A few examples of each finding, for the report. */
  examples: string[];
  /** `entity:key` of every record found lost, duplicated or resurrected. */
  keys: string[];
}

const comparable = (value: Fields) =>
  JSON.stringify(
    Object.keys(value)
      .filter((k) => !UNCOMPARED_FIELDS.has(k))
      .sort()
      .map((k) => [k, value[k]]),
  );

/** Compares the server and every device with the oracle and with each other. */
export function judge(
  oracle: Map<string, OracleRecord>,
  server: Holding,
  devices: Map<string, Holding>,
): Verdict {
  const verdict: Verdict = { lost: 0, duplicated: 0, resurrected: 0, divergent: 0, examples: [], keys: [] };
  const note = (line: string) => void (verdict.examples.length < 12 && verdict.examples.push(line));
  for (const [key, record] of oracle) {
    const held = server.get(key);
    if (record.value === null) {
      const showing = [...devices].filter(([, h]) => h.has(key)).map(([d]) => d);
      if (held || showing.length > 0) {
        verdict.resurrected += 1;
        verdict.keys.push(key);
        note(
          `resurrected ${key} (server: ${held ? "shows it" : "deleted"}; devices: ${showing.join(", ") || "none"})`,
        );
      }
      continue;
    }
    if (!held) {
      verdict.lost += 1;
      verdict.keys.push(key);
      note(`lost ${key}: missing on the server`);
    } else if (comparable(held) !== comparable(record.value)) {
      verdict.lost += 1;
      verdict.keys.push(key);
      note(`lost edit on ${key}: server ${comparable(held)} ≠ intended ${comparable(record.value)}`);
    }
  }
  for (const key of server.keys()) {
    if (!oracle.has(key)) {
      verdict.duplicated += 1;
      verdict.keys.push(key);
      note(`duplicated ${key}: on the server, never created by an edit`);
    }
  }
  const keys = new Set([...server.keys(), ...[...devices.values()].flatMap((h) => [...h.keys()])]);
  for (const key of keys) {
    const serverValue = server.get(key);
    const differs = [...devices].filter(([, h]) => {
      const local = h.get(key);
      if (!local || !serverValue) return !local !== !serverValue;
      return JSON.stringify(sortKeys(local)) !== JSON.stringify(sortKeys(serverValue));
    });
    if (differs.length > 0) {
      verdict.divergent += 1;
      note(`divergent ${key}: ${differs.map(([d]) => d).join(", ")} differ from the server`);
    }
  }
  return verdict;
}

const sortKeys = (value: Fields) =>
  Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)));
