import type { GameView } from "@/lib/api/schemas";
import { describeRecord } from "./score-format";

/** The game's record on its card ("Best: Alice · 1,520"), live with the card; nothing before the first record. */
export function RecordLine({ records }: { records: GameView["records"] }) {
  const record = records[0];
  if (!record) return null;
  return (
    <p data-testid="game-record" className="truncate text-xs text-amber-200">
      <span aria-hidden="true">🏆 </span>
      {describeRecord(record)}
    </p>
  );
}
