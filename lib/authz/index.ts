export { SYSTEM_ACTOR, toActorRef, type Actor, type ActorRef, type Source, type UserActor } from "./actor";
export { assertCan, can, isAdmin, permissionsOf, type AuthzConfig, type Permission } from "./permissions";
