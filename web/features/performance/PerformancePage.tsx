export default function PerformancePage() {
  return (
    <section className="page">
      <h1>Performance</h1>
      <p className="muted">Live figures from this device and the server.</p>
    </section>
  );
}
