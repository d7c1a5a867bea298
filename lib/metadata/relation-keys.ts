/**
 * What the relation wizard derives (pure, shared by the form's preview and the server): the foreign key's
 * type from the key it points to, its name, the reverse relation's type and field, the junction's names.
 */
import { camelCase, singular, snakeCase } from "./derive";

export type RelationType = "OneToOne" | "OneToMany" | "ManyToOne" | "ManyToMany";

// A serial is an integer with a sequence: the column that points to it is the plain integer.
const SERIAL_TO_INTEGER: Record<string, string> = {
  BIGSERIAL: "BIGINT",
  SERIAL8: "BIGINT",
  SERIAL: "INTEGER",
  SERIAL4: "INTEGER",
  SMALLSERIAL: "SMALLINT",
  SERIAL2: "SMALLINT",
};

/** BIGSERIAL → BIGINT, SERIAL → INTEGER, UUID → UUID, VARCHAR(36) → VARCHAR(36). */
export function foreignKeyType(keyType: string): string {
  const trimmed = keyType.trim();
  return SERIAL_TO_INTEGER[trimmed.toUpperCase()] ?? trimmed;
}

/** users.id → user_id; order_items.code → order_item_code; Album.AlbumId → album_album_id (snake_case, at most 63 bytes). */
export function foreignKeyName(toTable: string, toColumn: string): string {
  return `${singular(snakeCase(toTable))}_${snakeCase(toColumn)}`.slice(0, 63);
}

const REVERSE: Record<RelationType, RelationType> = {
  ManyToOne: "OneToMany",
  OneToMany: "ManyToOne",
  OneToOne: "OneToOne",
  ManyToMany: "ManyToMany",
};

export function reverseType(type: RelationType): RelationType {
  return REVERSE[type];
}

/**
 * The reverse relation's field lives on the target table and names the source table: plural when it holds
 * many (posts.user_id → users: users.posts), singular otherwise (profiles.user_id OneToOne: users.profile).
 */
export function reverseField(type: RelationType, fromTable: string): string {
  const many = reverseType(type).endsWith("ToMany");
  return camelCase(many ? fromTable : singular(fromTable));
}

/** The forward field: names the target table, plural when it holds many (author-like names are the user's). */
export function forwardField(type: RelationType, toTable: string): string {
  return camelCase(type.endsWith("ToMany") ? toTable : singular(toTable));
}

/** posts × tags → posts_tags with post_id and tag_id (a self-relation's second column: related_user_id). */
export function junctionNames(from: { table: string; key: string }, to: { table: string; key: string }) {
  const a = foreignKeyName(from.table, from.key);
  let b = foreignKeyName(to.table, to.key);
  if (b === a) b = `related_${b}`.slice(0, 63);
  return { table: `${snakeCase(from.table)}_${snakeCase(to.table)}`.slice(0, 63), fromColumn: a, toColumn: b };
}
