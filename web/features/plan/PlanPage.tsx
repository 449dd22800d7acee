export default function PlanPage() {
  return (
    <section className="page">
      <h1>Plan</h1>
      <p className="muted">Training plans are not available in this version yet.</p>
    </section>
  );
}
