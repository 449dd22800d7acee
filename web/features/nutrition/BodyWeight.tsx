import { useState } from "react";
import type { MeasurementRow } from "../../db/records";
import { messageOf } from "./labels";
import { logBodyWeight } from "./nutrition-store";

/** Logs today's body weight (a body measurement, synced like the rest) and shows the latest. */
export function BodyWeight({ latest }: { latest: MeasurementRow | undefined }) {
  const [weight, setWeight] = useState("");
  const [status, setStatus] = useState<string | null>(null);

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    try {
      const row = await logBodyWeight(weight.trim() === "" ? Number.NaN : Number(weight));
      setStatus(`Logged ${row.weightKg} kg.`);
      setWeight("");
    } catch (err) {
      setStatus(messageOf(err));
    }
  };

  return (
    <form className="amount-row body-weight" aria-label="Body weight" onSubmit={(event) => void save(event)}>
      <label>
        Body weight (kg)
        <input
          type="number"
          min="20"
          max="400"
          step="0.1"
          value={weight}
          onChange={(e) => setWeight(e.target.value)}
        />
      </label>
      <button type="submit">Log weight</button>
      {latest?.weightKg != null && (
        <span className="muted">
          Last: {latest.weightKg} kg on {new Date(latest.measuredAt).toLocaleDateString()}
        </span>
      )}
      {status && <span role="status">{status}</span>}
    </form>
  );
}
