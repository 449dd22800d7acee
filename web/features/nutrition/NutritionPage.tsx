export default function NutritionPage() {
  return (
    <section className="page">
      <h1>Nutrition</h1>
      <p className="muted">Nutrition tracking is not available in this version yet.</p>
    </section>
  );
}
