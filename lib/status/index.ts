export { StatusBoard, type StatusListener } from "./status-board";
export { StatusWatcher, type WatcherPorts } from "./status-watcher";
export { gameStates, startStages, type ContainerSnapshot, type GameState, type GameStatus, type StartStage } from "./types";
