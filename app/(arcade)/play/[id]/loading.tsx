/** Shown the moment Play is pressed, while the server renders the Play screen. */
export default function PlayLoading() {
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 pt-10" aria-busy="true">
      <p role="status" className="text-zinc-400">
        Opening the game…
      </p>
    </main>
  );
}
