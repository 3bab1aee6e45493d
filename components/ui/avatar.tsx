import { initialsOf } from "@/lib/format/display";

/** The player's Discord picture, or their initials when they have none (demo and test users never do). */
export function Avatar({ name, image, size = 32 }: { name: string; image: string | null; size?: number }) {
  const style = { width: size, height: size };
  if (image) {
    return (
      // eslint-disable-next-line @next/next/no-img-element -- a 64 px Discord avatar; next/image would need remotePatterns for cdn.discordapp.com and an optimiser round trip
      <img src={image} alt="" width={size} height={size} style={style} className="rounded-full bg-zinc-800 ring-1 ring-white/20" />
    );
  }
  return (
    <span
      aria-hidden="true"
      style={style}
      className="inline-grid place-items-center rounded-full bg-gradient-to-br from-fuchsia-500 to-cyan-500 text-xs font-bold text-white ring-1 ring-white/20"
    >
      {initialsOf(name)}
    </span>
  );
}
