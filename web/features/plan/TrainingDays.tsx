const WEEKDAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

interface Props {
  weekdays: readonly number[];
  busy: boolean;
  onChange: (weekdays: number[]) => void;
}

/** The plan's training weekdays (1 = Monday): the rotation's days land on these. */
export function TrainingDays({ weekdays, busy, onChange }: Props) {
  const toggle = (day: number) => {
    const next = weekdays.includes(day) ? weekdays.filter((d) => d !== day) : [...weekdays, day];
    // A plan needs at least one training day.
    if (next.length > 0) onChange(next.sort((a, b) => a - b));
  };
  return (
    <fieldset className="plan-days" disabled={busy}>
      <legend>Training days</legend>
      {WEEKDAY_NAMES.map((name, i) => (
        <label key={name}>
          <input type="checkbox" checked={weekdays.includes(i + 1)} onChange={() => toggle(i + 1)} /> {name}
        </label>
      ))}
    </fieldset>
  );
}
