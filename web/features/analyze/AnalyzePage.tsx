export default function AnalyzePage() {
  return (
    <section className="page">
      <h1>Analyze a video</h1>
      <p className="muted">Pick a video of your set; it is analysed on this device and never uploaded.</p>
    </section>
  );
}
