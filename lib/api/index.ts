export * from "./schemas";
export * from "./score-schemas";
export { toBoardView, toGameRecord, toScoreEntry, type ScoreViewer } from "./score-view";
export { estimateBoot, toGameView } from "./game-view";
export { errorResponse, handle, json, readJson } from "./http";
export { createSseParser, sseComment, sseMessage, type SseFrame } from "./sse";
export { authenticateBearer, encodeActingUser, type Caller } from "./authenticate-bearer";
