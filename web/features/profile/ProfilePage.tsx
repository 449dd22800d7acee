export default function ProfilePage() {
  return (
    <section className="page">
      <h1>Profile</h1>
      <p className="muted">Your units, body measurements and goals.</p>
    </section>
  );
}
