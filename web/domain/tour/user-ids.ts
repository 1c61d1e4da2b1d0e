/** Ids of tours users make, apart from the schema so that reading a link does not load TypeBox before the map. */
import { ID_LENGTH } from './ids.ts';

export const USER_TOUR_PREFIX = 'user-';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** `user-<uuid>`: a slug of the tour format (41 characters), so never `default` or a share link's `u:`. */
export function userTourId(uuid: string): string {
  const lower = uuid.toLowerCase();
  const id = `${USER_TOUR_PREFIX}${lower}`;
  if (!UUID.test(lower) || id.length > ID_LENGTH) throw new Error(`not a UUID: ${uuid}`);
  return id;
}

export const isUserTourId = (id: string): boolean =>
  id.startsWith(USER_TOUR_PREFIX) && UUID.test(id.slice(USER_TOUR_PREFIX.length));
