// Permission bits from Discord's permissions table (developers/topics/permissions).
const bit = (n: bigint) => 1n << n;

export const ADMINISTRATOR = bit(3n);

/** Every permission Discord currently defines; what an owner or administrator "has" in interactions. */
export const ALL_PERMISSIONS = bit(51n) - 1n;

/** What a new guild's @everyone role allows: read, talk, react, use commands. */
export const EVERYONE_PERMISSIONS =
  bit(0n) | // CREATE_INSTANT_INVITE
  bit(6n) | // ADD_REACTIONS
  bit(10n) | // VIEW_CHANNEL
  bit(11n) | // SEND_MESSAGES
  bit(14n) | // EMBED_LINKS
  bit(15n) | // ATTACH_FILES
  bit(16n) | // READ_MESSAGE_HISTORY
  bit(18n) | // USE_EXTERNAL_EMOJIS
  bit(20n) | // CONNECT
  bit(21n) | // SPEAK
  bit(26n) | // CHANGE_NICKNAME
  bit(31n) | // USE_APPLICATION_COMMANDS
  bit(35n) | // CREATE_PUBLIC_THREADS
  bit(38n); // SEND_MESSAGES_IN_THREADS

/** The integration role Discord gives a bot when it joins: enough to post and edit its messages. */
export const BOT_ROLE_PERMISSIONS =
  bit(10n) | // VIEW_CHANNEL
  bit(11n) | // SEND_MESSAGES
  bit(14n) | // EMBED_LINKS
  bit(15n) | // ATTACH_FILES
  bit(16n) | // READ_MESSAGE_HISTORY
  bit(18n) | // USE_EXTERNAL_EMOJIS
  bit(31n); // USE_APPLICATION_COMMANDS

/** Base permissions as Discord computes them (no channel overwrites): owner or ADMINISTRATOR means all. */
export function computeBasePermissions(input: { isOwner: boolean; rolePermissions: bigint[] }): bigint {
  if (input.isOwner) return ALL_PERMISSIONS;
  const combined = input.rolePermissions.reduce((acc, p) => acc | p, EVERYONE_PERMISSIONS);
  return (combined & ADMINISTRATOR) !== 0n ? ALL_PERMISSIONS : combined;
}
