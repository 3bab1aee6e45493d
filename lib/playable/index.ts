export { MAX_PLAYABLE_MS, PlayableTimes, type PlayableSummary } from "./playable-times";
