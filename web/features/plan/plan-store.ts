import { getDb, validRows, type PlanRow } from "../../db";
import { LocalWriteError, toLocalWriteError } from "../../db/errors";
import { newId } from "../../db/ids";
import { notifyLocalWrite } from "../../db/local-writes";
import { safeParseRecord } from "../../../shared/schemas/entities";
import type { LocalDate } from "../../../shared/schemas/plan";
import {
  customPlan,
  defaultWeekdays,
  planFromProgram,
  swapExercise,
  type PlanDraft,
  type Program,
} from "../../../shared/plans";
import type { Exercise } from "../../../shared/schemas/exercise";
import { planText } from "./plan-words";

/**
 * Writes a plan with its outbox row in one transaction, like the log's writes, so a plan syncs
 * through the same push and pull. `fields` makes it a partial put: only those fields are merged
 * (field-level last writer wins), so a skip on one device and an edit on another both survive.
 */
async function writePlan(plan: PlanRow, fields?: (keyof PlanRow)[]): Promise<PlanRow> {
  const checked = safeParseRecord("plan", plan);
  if (!checked.ok) throw checked.error;
  const db = getDb();
  try {
    await db.transaction("rw", [db.plans, db.outbox], async () => {
      await db.plans.put(checked.record);
      await db.outbox.add({
        entity: "plan",
        op: "put",
        key: plan.id,
        value: { ...checked.record },
        ...(fields ? { fields } : {}),
        createdAt: Date.now(),
      });
    });
  } catch (err) {
    throw toLocalWriteError(err);
  }
  notifyLocalWrite();
  return checked.record;
}

/** Plans on this device, valid ones only, newest first. */
export async function listPlans(): Promise<PlanRow[]> {
  const rows = validRows("plan", await getDb().plans.toArray());
  return rows.filter((p) => p.deletedAt === undefined).sort((a, b) => b.updatedAt - a.updatedAt);
}

/** Starts following `program` today, on the person's usual number of training days. */
export function startProgram(program: Program, today: LocalDate, daysPerWeek: number): Promise<PlanRow> {
  const nowMs = Date.now();
  const weekdays = defaultWeekdays(daysPerWeek > 0 ? daysPerWeek : program.days.length);
  return writePlan(planFromProgram(program, { id: newId(nowMs), startedOn: today, weekdays, nowMs }));
}

/** Starts following a plan built by hand; refuses one with problems, saying what they are. */
export function startCustomPlan(draft: PlanDraft, today: LocalDate): Promise<PlanRow> {
  const nowMs = Date.now();
  const made = customPlan(draft, { id: newId(nowMs), startedOn: today, nowMs });
  if (!made.ok)
    return Promise.reject(new LocalWriteError("invalid_input", made.problems.map(planText).join("; ")));
  return writePlan(made.plan);
}

/** Marks `day` skipped: its session moves to the next training day, unchanged. */
export function skipDay(plan: PlanRow, day: LocalDate): Promise<PlanRow> {
  if (plan.skippedOn.includes(day)) return Promise.resolve(plan);
  const skippedOn = [...plan.skippedOn, day].sort().slice(-1000);
  return writePlan({ ...plan, skippedOn, updatedAt: Date.now() }, ["skippedOn", "updatedAt"]);
}

/** Stops following a plan (kept, so its history still reads). */
export function endPlan(plan: PlanRow): Promise<PlanRow> {
  return writePlan({ ...plan, active: false, updatedAt: Date.now() }, ["active", "updatedAt"]);
}

/** Puts `to` in place of the lift `fromId` on every day of the plan. */
export function swapLift(plan: PlanRow, fromId: string, to: Exercise): Promise<PlanRow> {
  return writePlan({ ...swapExercise(plan, fromId, to), updatedAt: Date.now() }, ["days", "updatedAt"]);
}

/** Trains on `weekdays` (1 = Monday) from now on. */
export function setWeekdays(plan: PlanRow, weekdays: number[]): Promise<PlanRow> {
  return writePlan({ ...plan, weekdays, updatedAt: Date.now() }, ["weekdays", "updatedAt"]);
}

/** Writes a new list of days (a lift added or removed). */
export function setDays(plan: PlanRow, days: PlanRow["days"]): Promise<PlanRow> {
  return writePlan({ ...plan, days, updatedAt: Date.now() }, ["days", "updatedAt"]);
}
