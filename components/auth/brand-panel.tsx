import { panel } from "@/components/ui/styles";

/** The centred card the signed-out pages share, with the arcade's name on top. */
export function BrandPanel({ children, labelledBy }: { children: React.ReactNode; labelledBy: string }) {
  return (
    <main id="main" className="grid min-h-dvh place-items-center px-4 py-10">
      <section aria-labelledby={labelledBy} className={`${panel} w-full max-w-md p-6 sm:p-8`}>
        <p className="text-sm font-black tracking-tight">
          <span className="bg-gradient-to-r from-fuchsia-400 to-cyan-300 bg-clip-text text-transparent">Cartofia</span> Arcade
        </p>
        {children}
      </section>
    </main>
  );
}
