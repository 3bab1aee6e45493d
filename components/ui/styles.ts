/** Shared class lists, so every control has the same shape and the same visible focus ring. */
// Tailwind 4: outline-hidden also sets the outline style to none, so the focus ring names its style again.
export const focusRing = "outline-hidden focus-visible:outline-2 focus-visible:outline-solid focus-visible:outline-offset-2 focus-visible:outline-cyan-300";

const base = `inline-flex items-center justify-center gap-2 rounded-xl px-4 py-2 text-sm font-semibold transition-colors disabled:cursor-not-allowed disabled:opacity-50 ${focusRing}`;

export const buttonStyles = {
  // White text needs fuchsia-600 or deeper for AA (4.7:1; 500 gives 3.5:1), so hover darkens instead of lightening.
  primary: `${base} bg-fuchsia-600 text-white shadow-lg shadow-fuchsia-500/20 hover:bg-fuchsia-700`,
  secondary: `${base} bg-white/10 text-zinc-100 ring-1 ring-white/15 hover:bg-white/15`,
  danger: `${base} bg-rose-700 text-white hover:bg-rose-600`,
  quiet: `${base} text-zinc-300 hover:bg-white/10 hover:text-white`,
  discord: `${base} bg-[#5865f2] text-white hover:bg-[#4752c4] px-5 py-3 text-base`,
} as const;

export const panel = "rounded-2xl bg-zinc-900/70 ring-1 ring-white/10";
