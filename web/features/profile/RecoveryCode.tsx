import { useState } from "react";

/** The one-time recovery code, shown once with a copy button and a plain warning. */
export function RecoveryCode(props: { code: string; onDone: () => void }) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = () =>
    navigator.clipboard.writeText(props.code).then(
      () => setCopied("Copied."),
      () => setCopied("Could not copy: select the code and copy it by hand."),
    );
  return (
    <section className="recovery" aria-label="Recovery code" role="region">
      <h2>Your recovery code</h2>
      <p>
        <strong>Store this now.</strong> It is shown only this once. With your username it lets you sign in
        where you have no passkey, such as a new phone. Keep it somewhere safe, like a password manager.
      </p>
      <output className="recovery-code" aria-label="Recovery code value">
        {props.code}
      </output>
      <div className="row-gap">
        <button type="button" onClick={() => void copy()}>
          Copy code
        </button>
        <button type="button" className="secondary" onClick={props.onDone}>
          I have stored it
        </button>
      </div>
      {copied && <p role="status">{copied}</p>}
    </section>
  );
}
