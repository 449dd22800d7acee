import { PROGRAMS, type Program } from "../../../shared/plans";
import { useTranslation } from "../../i18n";

/** Built-in programs' ids, whose descriptions the catalogue words (a test holds them to PROGRAMS). */
export const PROGRAM_IDS = [
  "linear_5x5",
  "gzclp",
  "wendler_531_bbb",
  "upper_lower_double",
  "hypertrophy_meso",
] as const;
type ProgramId = (typeof PROGRAM_IDS)[number];

interface Props {
  onPick: (program: Program) => void;
  busy: boolean;
}

/** The built-in programs, each with what it does and a button to follow it. */
export function ProgramPicker({ onPick, busy }: Props) {
  const { t } = useTranslation("plan");
  return (
    <section aria-label={t("programs.label")}>
      <h2>{t("programs.title")}</h2>
      <ul className="plan-programs">
        {PROGRAMS.map((program) => (
          <li key={program.id}>
            <h3>{program.name}</h3>
            <p className="muted">{t(`programs.${program.id as ProgramId}`)}</p>
            <p className="muted">{t("programs.days", { count: program.days.length })}</p>
            <button type="button" disabled={busy} onClick={() => onPick(program)}>
              {t("programs.follow", { name: program.name })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
