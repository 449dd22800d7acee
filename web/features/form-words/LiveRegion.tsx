/** An announcement for the live region; `serial` changes even when the words repeat. */
export interface Announced {
  text: string;
  serial: number;
}

export const NOTHING_ANNOUNCED: Announced = { text: "", serial: 0 };

/**
 * A polite live region out of sight: screen readers say its text when it changes, after what they
 * are saying now. Repeated words get an invisible no-break space on every other serial, so the
 * text still changes and is announced again.
 */
export function LiveRegion({ label, said }: { label: string; said: Announced }) {
  return (
    <p role="status" aria-live="polite" aria-atomic="true" aria-label={label} className="visually-hidden">
      {said.text}
      {said.serial % 2 === 1 ? "\u00a0" : ""}
    </p>
  );
}
