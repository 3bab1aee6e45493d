export { EventLog, type EventListener, type EventQuery } from "./event-log";
export { describeEvent } from "./describe-event";
export { eventTypes, type ArcadeEvent, type EventType, type NewEvent, type ScoreEventDetail } from "./types";
export { formatCursor, parseCursor, resolveResume, rotateLogIdentity, listLogIdentities, type EventCursor, type LogIdentity, type ResumePoint } from "./log-identity";
