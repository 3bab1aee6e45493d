export { EventLog, type EventListener, type EventQuery } from "./event-log";
export { describeEvent } from "./describe-event";
export { eventTypes, type ArcadeEvent, type EventType, type NewEvent, type ScoreEventDetail } from "./types";
