import Dexie, { type Table } from "dexie";
import type { AnyRow, EntityKind, MeasurementRow } from "./records";
import type { HeldRow, OutboxRow, QuarantineRow, UnparsedRow } from "./sync-tables";
import type { PlanRow, ProfileRow, SetRow, WorkoutRow } from "./records";
import type { CustomFoodRow, MealEntryRow, NutritionTargetsRow } from "./records";

/** A key/value fact about this device: client id, sync cursor, last sync, session. */
export interface MetaRow {
  key: string;
  value: unknown;
}

export type { OutboxRow } from "./sync-tables";

/** A plan's replay snapshot (`shared/plans` `snapshotReplay`), validated when read back. */
export interface PlanCheckpointRow {
  planId: string;
  snapshot: unknown;
}

/** Table name in IndexedDB for each synced entity kind. */
export const TABLE_FOR_ENTITY = {
  workout: "workouts",
  set: "sets",
  profile: "profiles",
  measurement: "measurements",
  plan: "plans",
  food: "foods",
  mealEntry: "mealEntries",
  nutritionTargets: "nutritionTargets",
} as const satisfies Record<EntityKind, string>;

/**
 * Spotter's IndexedDB database. Rows carry no user id: a device holds one person's data, and the
 * server assigns ownership when they sign in, so training before having an account just works.
 */
export class SpotterDb extends Dexie {
  workouts!: Table<WorkoutRow, string>;
  sets!: Table<SetRow, string>;
  profiles!: Table<ProfileRow, string>;
  measurements!: Table<MeasurementRow, string>;
  plans!: Table<PlanRow, string>;
  foods!: Table<CustomFoodRow, string>;
  mealEntries!: Table<MealEntryRow, string>;
  nutritionTargets!: Table<NutritionTargetsRow, string>;
  outbox!: Table<OutboxRow, number>;
  meta!: Table<MetaRow, string>;
  quarantine!: Table<QuarantineRow, number>;
  unparsed!: Table<UnparsedRow, [string, string]>;
  held!: Table<HeldRow, number>;
  planCheckpoints!: Table<PlanCheckpointRow, string>;

  constructor(name = "spotter") {
    super(name);
    this.version(1).stores({
      // by start time: history by day is a range over it, newest first
      workouts: "id, startedAt",
      // by workout and order for a workout's sets; by exercise and time for records and progress
      sets: "id, [workoutId+order], [exerciseId+performedAt], performedAt",
      profiles: "id",
      measurements: "id, measuredAt",
      // auto-increment ids never go backwards, which is what mutation ids need
      outbox: "++id, [entity+key]",
      meta: "key",
    });
    // Nutrition: a day is a range on date, one meal of a day is [meal+date]; custom foods by barcode.
    this.version(2).stores({
      foods: "id, barcode, updatedAt",
      mealEntries: "id, date, [meal+date]",
      nutritionTargets: "id",
    });
    // Plans: few per person, read whole; keyed by id only.
    this.version(3).stores({ plans: "id" });
    // Sync safety: changes the server refuses, pulled records this build cannot read yet, and
    // another account's data set aside on a shared device.
    this.version(4).stores({ quarantine: "id", unparsed: "[entity+key]", held: "++seq, owner" });
    // The plan engine's replay kept between visits (derived from the log, never synced; a table
    // added, nothing else changes, so no upgrade step is needed).
    this.version(5).stores({ planCheckpoints: "planId" });
  }

  tableFor(entity: EntityKind): Table<AnyRow, string> {
    return this.table(TABLE_FOR_ENTITY[entity]);
  }

  /** Every table holding synced records, for transactions that may touch any of them. */
  syncedTables(): Table<AnyRow, string>[] {
    return Object.values(TABLE_FOR_ENTITY).map((name) => this.table(name));
  }
}

let current: SpotterDb | null = null;

/** The app's database, opened on first use. */
export function getDb(): SpotterDb {
  current ??= new SpotterDb();
  return current;
}

/** Replaces the app's database (tests open a fresh one per case). */
export function setDatabase(db: SpotterDb): void {
  current = db;
}
