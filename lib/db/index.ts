export { DatabaseTooNewError, openDatabase, type Db } from "./open-database";
export { PendingOpsStore, type PendingAction, type PendingOp } from "./pending-ops";
export { GameSettingsStore, type GameSettings } from "./game-settings";
export { backupDatabase, listBackups, checkDatabaseFile } from "./backup-database";
export { restoreDatabase, type RestoreResult } from "./restore-database";
export { holdPortalLock, isPortalLockHeld, portalLockFile } from "./portal-lock";
