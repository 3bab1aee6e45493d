export { loadCatalogue, getGameOrThrow, CatalogueError, type Catalogue } from "./load-catalogue";
export { gameManifestSchema, gameIdPattern, DEFAULT_BOOT_TIMEOUT_SEC, type Game, type GameManifestInput } from "./manifest-schema";
