import type { RepResult } from "../../../shared/form";

function secondsLabel(ms: number): string {
  return (ms / 1000).toFixed(1);
}

function tempoLabel(rep: RepResult): string {
  const { away, end, return: back } = rep.tempoMs;
  return [away, end, back].map(secondsLabel).join(" / ");
}

function peakLabel(rep: RepResult): string {
  return Object.entries(rep.peakAngles)
    .map(([name, value]) => `${name.replace(/Deg$/, "")} ${Math.round(value)}°`)
    .join(", ");
}

/** One row per rep: when, score, faults, tempo (down / bottom / up, seconds) and range. */
export function RepTable({ reps, onSeek }: { reps: RepResult[]; onSeek: (tMs: number) => void }) {
  if (reps.length === 0) return <p className="muted">No reps found.</p>;
  return (
    <table className="rep-table">
      <thead>
        <tr>
          <th>Rep</th>
          <th>Time (s)</th>
          <th>Score</th>
          <th>Faults</th>
          <th>Tempo (s)</th>
          <th>Range</th>
        </tr>
      </thead>
      <tbody>
        {reps.map((rep) => (
          <tr
            key={rep.index}
            data-testid="rep-row"
            data-rep={rep.index + 1}
            data-faults={rep.faults.map((f) => f.id).join(" ")}
          >
            <td>
              <button type="button" className="link" onClick={() => onSeek(rep.startMs)}>
                {rep.index + 1}
                {rep.partial ? " (partial)" : ""}
              </button>
            </td>
            <td>
              {secondsLabel(rep.startMs)}–{secondsLabel(rep.endMs)}
            </td>
            <td>{Math.round(rep.score)}</td>
            <td className={rep.faults.length ? "fault" : "muted"}>
              {rep.faults.length ? rep.faults.map((f) => f.id.replace(/_/g, " ")).join(", ") : "none"}
            </td>
            <td>{tempoLabel(rep)}</td>
            <td>
              {Math.round(rep.romRatio * 100)}% <span className="muted">{peakLabel(rep)}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
