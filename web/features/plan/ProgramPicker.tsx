import { PROGRAMS, type Program } from "../../../shared/plans";

interface Props {
  onPick: (program: Program) => void;
  busy: boolean;
}

/** The built-in programs, each with what it does and a button to follow it. */
export function ProgramPicker({ onPick, busy }: Props) {
  return (
    <section aria-label="Programs">
      <h2>Pick a program</h2>
      <ul className="plan-programs">
        {PROGRAMS.map((program) => (
          <li key={program.id}>
            <h3>{program.name}</h3>
            <p className="muted">{program.description}</p>
            <p className="muted">
              {program.days.length} day{program.days.length === 1 ? "" : "s"} in rotation
            </p>
            <button type="button" disabled={busy} onClick={() => onPick(program)}>
              Follow {program.name}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
