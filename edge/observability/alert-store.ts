// Alerts in D1: the firing ones feed the rule check, all of them feed `GET /api/alerts`.
import type { AlertRule, AlertTransition, FiringAlert } from "./alert-rules";

export interface AlertRow {
  id: number;
  rule: AlertRule;
  value: number | null;
  peakValue: number | null;
  threshold: number;
  state: "firing" | "resolved";
  startedAt: string;
  endedAt: string | null;
}

interface AlertRecord {
  id: number;
  rule: AlertRule;
  value: number | null;
  peak_value: number | null;
  threshold: number;
  state: "firing" | "resolved";
  started_at: string;
  ended_at: string | null;
}

const toRow = (r: AlertRecord): AlertRow => ({
  id: r.id,
  rule: r.rule,
  value: r.value,
  peakValue: r.peak_value,
  threshold: r.threshold,
  state: r.state,
  startedAt: r.started_at,
  endedAt: r.ended_at,
});

export async function firingAlerts(db: D1Database): Promise<FiringAlert[]> {
  const { results } = await db
    .prepare("SELECT id, rule FROM alerts WHERE state = 'firing'")
    .all<{ id: number; rule: AlertRule }>();
  return results;
}

/** Firing alerts first, then the most recent resolved ones. */
export async function listAlerts(
  db: D1Database,
  pastLimit: number,
): Promise<{ active: AlertRow[]; past: AlertRow[] }> {
  const [active, past] = await db.batch<AlertRecord>([
    db.prepare("SELECT * FROM alerts WHERE state = 'firing' ORDER BY started_at DESC"),
    db
      .prepare("SELECT * FROM alerts WHERE state = 'resolved' ORDER BY started_at DESC LIMIT ?")
      .bind(pastLimit),
  ]);
  return { active: (active?.results ?? []).map(toRow), past: (past?.results ?? []).map(toRow) };
}

/** Applies the rule check's transitions in one batch. */
export async function applyTransitions(
  db: D1Database,
  transitions: AlertTransition[],
  at: string,
): Promise<void> {
  if (transitions.length === 0) return;
  const statements = transitions.map((t) => {
    switch (t.kind) {
      case "fire":
        return db
          .prepare(
            "INSERT INTO alerts (rule, value, peak_value, threshold, state, started_at) VALUES (?, ?, ?, ?, 'firing', ?)",
          )
          .bind(t.rule, t.value, t.value, t.threshold, at);
      case "update":
        return db
          .prepare(
            "UPDATE alerts SET value = ?1, peak_value = CASE WHEN rule = 'cache_hit_rate' THEN MIN(peak_value, ?1) ELSE MAX(peak_value, ?1) END WHERE id = ?2",
          )
          .bind(t.value, t.id);
      case "resolve":
        return db
          .prepare(
            "UPDATE alerts SET state = 'resolved', ended_at = ?, value = COALESCE(?, value) WHERE id = ?",
          )
          .bind(at, t.value, t.id);
    }
  });
  await db.batch(statements);
}
