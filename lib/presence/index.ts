export { PresenceBoard, PRESENCE_TTL_MS, type Player } from "./presence-board";
