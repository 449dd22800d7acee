export default function LogPage() {
  return (
    <section className="page">
      <h1>Workout log</h1>
      <p className="muted">Your workouts, sets and records.</p>
    </section>
  );
}
