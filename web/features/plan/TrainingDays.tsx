import { useTranslation } from "../../i18n";
import { formatDate } from "../../i18n/format";

/** 1 January 2024 was a Monday: days 1–7 of that month name the weekdays in the language on screen. */
const weekdayName = (isoDay: number) => formatDate(new Date(2024, 0, isoDay), { weekday: "short" });

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
  const { t } = useTranslation("plan");
  return (
    <fieldset className="plan-days" disabled={busy}>
      <legend>{t("trainingDays.legend")}</legend>
      {[1, 2, 3, 4, 5, 6, 7].map((day) => (
        <label key={day}>
          <input type="checkbox" checked={weekdays.includes(day)} onChange={() => toggle(day)} />{" "}
          {weekdayName(day)}
        </label>
      ))}
    </fieldset>
  );
}
