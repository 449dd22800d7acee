export default function LibraryPage() {
  return (
    <section className="page">
      <h1>Exercise library</h1>
      <p className="muted">Browse exercises by muscle, equipment and level.</p>
    </section>
  );
}
