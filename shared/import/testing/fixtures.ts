/**
 * Export files written by each app's rules, for tests and the import benchmark: Strong's current
 * comma format (no unit column, rest-timer rows), its older semicolon format (a unit on every row,
 * decimal commas), and Hevy's (unit in the column name, "12 Jan 2024, 18:05" dates).
 */

export interface FixtureSet {
  exercise: string;
  weight: number;
  reps: number;
  kind?: "W" | "D" | "F";
  rpe?: number;
  seconds?: number;
}

export interface FixtureWorkout {
  /** Local time parts: year, month (1-12), day, hour, minute. */
  start: [number, number, number, number, number];
  minutes: number;
  name: string;
  notes?: string;
  sets: FixtureSet[];
}

const pad = (n: number) => String(n).padStart(2, "0");
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;

function isoLocal([y, mo, d, h, mi]: FixtureWorkout["start"]): string {
  return `${y}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}:00`;
}

function hevyDate([y, mo, d, h, mi]: FixtureWorkout["start"], plusMinutes = 0): string {
  const t = new Date(y, mo - 1, d, h, mi + plusMinutes);
  return `${t.getDate()} ${MONTHS[t.getMonth()]} ${t.getFullYear()}, ${pad(t.getHours())}:${pad(t.getMinutes())}`;
}

function strongDuration(minutes: number): string {
  return minutes >= 60 ? `${Math.floor(minutes / 60)}h ${minutes % 60}m` : `${minutes}m`;
}

/** Strong's current export (weights in the unit the person set in Strong), with rest-timer rows. */
export function strongCsv(workouts: readonly FixtureWorkout[]): string {
  const lines = [
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE",
  ];
  for (const w of workouts) {
    const head = `${isoLocal(w.start)},${quote(w.name)},${strongDuration(w.minutes)}`;
    const counts = new Map<string, number>();
    for (const s of w.sets) {
      const n = (counts.get(s.exercise) ?? 0) + 1;
      counts.set(s.exercise, n);
      const order = s.kind ?? String(n);
      const cells = [
        head,
        quote(s.exercise),
        order,
        s.weight.toFixed(1),
        s.reps.toFixed(1),
        "0",
        (s.seconds ?? 0).toFixed(1),
        "",
        quote(w.notes ?? ""),
        s.rpe ?? "",
      ];
      lines.push(cells.join(","));
      lines.push(
        [head, quote(s.exercise), "Rest Timer", "0", "0", "0", "90.0", "", quote(w.notes ?? ""), ""].join(
          ",",
        ),
      );
    }
  }
  return lines.join("\n") + "\n";
}

/** Strong's older export: semicolons, a unit on every row, decimal commas. */
export function strongSemicolonCsv(workouts: readonly FixtureWorkout[], unit: "kg" | "lbs"): string {
  const lines = [
    "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;Seconds;Notes;Workout Notes;Workout Duration",
  ];
  for (const w of workouts) {
    const counts = new Map<string, number>();
    for (const s of w.sets) {
      const n = (counts.get(s.exercise) ?? 0) + 1;
      counts.set(s.exercise, n);
      const weight = String(s.weight).replace(".", ",");
      lines.push(
        [
          quote(isoLocal(w.start)),
          quote(w.name),
          quote(s.exercise),
          s.kind ?? n,
          weight,
          unit,
          s.reps,
          s.rpe ?? "",
          "",
          "",
          s.seconds ?? 0,
          "",
          quote(w.notes ?? ""),
          quote(strongDuration(w.minutes)),
        ].join(";"),
      );
    }
  }
  return lines.join("\r\n") + "\r\n";
}

/** Hevy's export; `unit` picks `weight_kg` or `weight_lbs`. */
export function hevyCsv(workouts: readonly FixtureWorkout[], unit: "kg" | "lbs"): string {
  const weightColumn = unit === "kg" ? "weight_kg" : "weight_lbs";
  const distanceColumn = unit === "kg" ? "distance_km" : "distance_miles";
  const header = [
    "title",
    "start_time",
    "end_time",
    "description",
    "exercise_title",
    "superset_id",
    "exercise_notes",
    "set_index",
    "set_type",
    weightColumn,
    "reps",
    distanceColumn,
    "duration_seconds",
    "rpe",
  ];
  const lines = [header.map(quote).join(",")];
  const kinds = { W: "warmup", D: "dropset", F: "failure" } as const;
  for (const w of workouts) {
    const counts = new Map<string, number>();
    for (const s of w.sets) {
      const n = counts.get(s.exercise) ?? 0;
      counts.set(s.exercise, n + 1);
      lines.push(
        [
          quote(w.name),
          quote(hevyDate(w.start)),
          quote(hevyDate(w.start, w.minutes)),
          quote(w.notes ?? ""),
          quote(s.exercise),
          "",
          quote(""),
          n,
          quote(s.kind ? kinds[s.kind] : "normal"),
          s.weight,
          s.reps,
          "",
          s.seconds ?? "",
          s.rpe ?? "",
        ].join(","),
      );
    }
  }
  return lines.join("\n") + "\n";
}

const LIFTS = [
  "Squat (Barbell)",
  "Bench Press (Barbell)",
  "Deadlift (Barbell)",
  "Overhead Press (Barbell)",
  "Bent Over Row (Barbell)",
  "Pull Up",
  "Bicep Curl (Dumbbell)",
  "Lat Pulldown (Cable)",
];

/**
 * A long history: `years` of training from January `fromYear`, about `setsPerWorkout` sets per
 * session, until `totalSets` sets. Deterministic, so benchmarks and tests agree on it.
 */
export function longHistory(totalSets: number, fromYear = 2015, setsPerWorkout = 20): FixtureWorkout[] {
  const workouts: FixtureWorkout[] = [];
  let made = 0;
  for (let day = 0; made < totalSets; day += 1) {
    const date = new Date(fromYear, 0, 1 + Math.floor(day * 1.4));
    const sets: FixtureSet[] = [];
    for (let i = 0; i < setsPerWorkout && made < totalSets; i++, made++) {
      const lift = LIFTS[(day + Math.floor(i / 5)) % LIFTS.length]!;
      sets.push({
        exercise: lift,
        weight: 40 + ((day * 7 + i) % 80) * 1.25,
        reps: 3 + ((day + i) % 8),
        rpe: i % 5 === 4 ? 8.5 : undefined,
      });
    }
    workouts.push({
      start: [date.getFullYear(), date.getMonth() + 1, date.getDate(), 7 + (day % 12), 15],
      minutes: 75,
      name: `Session ${day + 1}`,
      sets,
    });
  }
  return workouts;
}
