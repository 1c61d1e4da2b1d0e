/**
 * How tours and chapters are named (tour format version 1, schema.ts), apart from the schema so that reading a
 * link (web/domain/ui/url-state.ts) does not load the schema library before the map.
 */

/** Lower-case words joined by hyphens, starting with a letter, so `chapter=<n>` and `chapter=<id>` never collide. */
export const SLUG_PATTERN = '^[a-z][a-z0-9]*(-[a-z0-9]+)*$';
/** The longest tour or chapter id. */
export const ID_LENGTH = 48;
