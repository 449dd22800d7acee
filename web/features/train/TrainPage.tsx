import { useBenchHook } from "./bench/use-bench-hook";

export default function TrainPage() {
  useBenchHook();
  return (
    <section className="page">
      <h1>Train</h1>
      <p className="muted">Live coaching through your camera.</p>
    </section>
  );
}
