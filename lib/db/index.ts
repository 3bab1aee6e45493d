export { DatabaseTooNewError, openDatabase, type Db } from "./open-database";
export { PendingOpsStore, type PendingAction, type PendingOp } from "./pending-ops";
export { GameSettingsStore, type GameSettings } from "./game-settings";
