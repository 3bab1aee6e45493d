export * from "./schemas";
export * from "./score-schemas";
export { toBoardView, toGameRecord, toScoreEntry, type ScoreViewer } from "./score-view";
export { estimateBoot, MAX_PLAYERS_SHOWN, toGameView } from "./game-view";
export { FULL_VIEW, friendlyReason, MEMBER_VIEW, viewerFor, visibleGameView, type Viewer } from "./game-visibility";
export { errorResponse, handle, json, readJson } from "./http";
export { createSseParser, sseComment, sseMessage, type SseFrame } from "./sse";
export { authenticateBearer, encodeActingUser, type ActingUserCheck, type Caller } from "./authenticate-bearer";
