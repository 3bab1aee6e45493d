import Link from "next/link";
import { BrandPanel } from "@/components/auth/brand-panel";
import { buttonStyles } from "@/components/ui/styles";

/** Unknown pages and unknown games. */
export default function NotFound() {
  return (
    <BrandPanel labelledBy="nf-title">
      <h1 id="nf-title" className="mt-4 text-2xl font-black">
        Nothing here
      </h1>
      <p className="mt-2 text-sm text-zinc-400">There is no page or game at this address.</p>
      <Link href="/" className={`${buttonStyles.primary} mt-6`}>
        Back to the arcade
      </Link>
    </BrandPanel>
  );
}
