import { describe, expect, it } from "vitest";
import {
  camelCase,
  deriveColumnDefaults,
  formTypeFor,
  FORM_TYPES,
  graphqlTypeFor,
  graphqlTypeForTable,
  labelFor,
  parsePgType,
  pascalCase,
  singular,
  snakeCase,
} from "./derive";

describe("table names → GraphQL type", () => {
  it.each([
    ["users", "User"],
    ["order_items", "OrderItem"],
    ["categories", "Category"],
    ["addresses", "Address"],
    ["statuses", "Status"],
    ["courses", "Course"],
    ["boxes", "Box"],
    ["matches", "Match"],
    ["wishes", "Wish"],
    ["user_profiles", "UserProfile"],
    ["status", "Status"],
    ["address", "Address"],
    ["analysis", "Analysis"],
    ["person", "Person"],
  ])("graphqlTypeForTable(%s) = %s", (table, type) => {
    expect(graphqlTypeForTable(table)).toBe(type);
  });

  it("only the last word is made singular", () => {
    expect(graphqlTypeForTable("users_roles")).toBe("UsersRole");
    expect(graphqlTypeForTable("news_categories")).toBe("NewsCategory");
  });

  it("empty and underscore-only names give an empty type", () => {
    expect(graphqlTypeForTable("")).toBe("");
    expect(graphqlTypeForTable("___")).toBe("");
  });

  it.each([
    ["categories", "category"],
    ["statuses", "status"],
    ["addresses", "address"],
    ["courses", "course"],
    ["users", "user"],
    ["class", "class"],
    ["bus", "bus"],
    ["item", "item"],
  ])("singular(%s) = %s", (word, one) => {
    expect(singular(word)).toBe(one);
  });

  it("pascalCase keeps every word (no singular) and drops separators", () => {
    expect(pascalCase("order_items")).toBe("OrderItems");
    expect(pascalCase("address_line_2")).toBe("AddressLine2");
    expect(pascalCase("__a__b__")).toBe("AB");
    expect(pascalCase("")).toBe("");
  });
});

describe("column names → GraphQL field and label", () => {
  it.each([
    ["created_at", "createdAt"],
    ["user_id", "userId"],
    ["id", "id"],
    ["email", "email"],
    ["address_line_2", "addressLine2"],
    ["_private_note", "privateNote"],
    ["", ""],
  ])("camelCase(%j) = %j", (name, field) => {
    expect(camelCase(name)).toBe(field);
  });

  it.each([
    ["user_id", "User id"],
    ["id", "ID"],
    ["email", "Email"],
    ["created_at", "Created at"],
    ["_hidden__flag", "Hidden flag"],
    ["", ""],
  ])("labelFor(%j) = %j", (name, label) => {
    expect(labelFor(name)).toBe(label);
  });
});

describe("mixed-case names (Prisma, Chinook): the same derivations, word by word", () => {
  it.each([
    // name, GraphQL field, label, snake_case, GraphQL type for the table
    ["createdAt", "createdAt", "Created at", "created_at", "CreatedAt"],
    ["authorId", "authorId", "Author id", "author_id", "AuthorId"],
    ["AlbumId", "albumId", "Album id", "album_id", "AlbumId"],
    ["AlbumID", "albumId", "Album ID", "album_id", "AlbumId"],
    ["User", "user", "User", "user", "User"],
    ["InvoiceLine", "invoiceLine", "Invoice line", "invoice_line", "InvoiceLine"],
    ["MediaTypes", "mediaTypes", "Media types", "media_types", "MediaType"],
    ["_prisma_migrations", "prismaMigrations", "Prisma migrations", "_prisma_migrations", "PrismaMigration"],
    ["HTMLPage", "htmlPage", "HTML page", "html_page", "HtmlPage"],
    ["A", "a", "A", "a", "A"],
  ])("%s → field %s, label %j, snake %s, type %s", (name, field, label, snake, type) => {
    expect(camelCase(name)).toBe(field);
    expect(labelFor(name, "en")).toBe(label);
    expect(snakeCase(name)).toBe(snake);
    expect(graphqlTypeForTable(name)).toBe(type);
  });

  it("a lower-case name is left to the underscores: snakeCase returns it as it is", () => {
    for (const name of ["order_items", "a_1b", "t2024", "__x"]) expect(snakeCase(name)).toBe(name);
  });

  it("what a name means is read from its words: ids, e-mails, Korean labels", () => {
    expect(graphqlTypeFor("integer", "AlbumId")).toBe("ID");
    expect(graphqlTypeFor("integer", "Milliseconds")).toBe("Int");
    expect(formTypeFor("varchar(60)", "Email")).toBe("email");
    expect(formTypeFor("text", "phoneNumber")).toBe("tel");
    expect(labelFor("createdAt", "ko")).toBe(labelFor("created_at", "ko"));
    expect(labelFor("userId", "ko")).toBe(labelFor("user_id", "ko"));
  });
});

describe("parsePgType", () => {
  it.each([
    ["VARCHAR(255)", "VARCHAR", false],
    ["varchar(255)[]", "VARCHAR", true],
    [" numeric(12, 2) ", "NUMERIC", false],
    ["double   precision", "DOUBLE PRECISION", false],
    ["TIMESTAMP(3) WITH TIME ZONE", "TIMESTAMP WITH TIME ZONE", false],
    ["INTEGER[][]", "INTEGER", true],
    ["text[]", "TEXT", true],
  ])("%j → %s (array: %s)", (pgType, base, array) => {
    expect(parsePgType(pgType)).toEqual({ base, array });
  });
});

describe("graphqlTypeFor", () => {
  it.each([
    ["VARCHAR(255)", "name", "String"],
    ["TEXT", "bio", "String"],
    ["character varying(100)", "title", "String"],
    ["INTEGER", "age", "Int"],
    ["int4", "count", "Int"],
    ["SMALLINT", "rank", "Int"],
    ["BIGINT", "views", "BigInt"],
    ["BIGSERIAL", "seq", "BigInt"],
    ["BOOLEAN", "is_active", "Boolean"],
    ["bool", "enabled", "Boolean"],
    ["TIMESTAMPTZ", "created_at", "DateTime"],
    ["timestamp with time zone", "created_at", "DateTime"],
    ["TIMESTAMP", "seen_at", "DateTime"],
    ["DATE", "birthday", "Date"],
    ["JSONB", "settings", "JSON"],
    ["JSON", "payload", "JSON"],
    ["NUMERIC(12,2)", "price", "Float"],
    ["double precision", "ratio", "Float"],
    ["UUID", "token", "ID"],
    ["BYTEA", "blob", "String"],
  ])("%s %s → %s", (pgType, column, type) => {
    expect(graphqlTypeFor(pgType, column)).toBe(type);
  });

  it("integer ids (id, *_id) are ID; non-integer *_id keep their scalar", () => {
    expect(graphqlTypeFor("BIGSERIAL", "id")).toBe("ID");
    expect(graphqlTypeFor("SERIAL", "id")).toBe("ID");
    expect(graphqlTypeFor("BIGINT", "user_id")).toBe("ID");
    expect(graphqlTypeFor("INTEGER", "category_id")).toBe("ID");
    expect(graphqlTypeFor("VARCHAR(50)", "external_id")).toBe("String");
    expect(graphqlTypeFor("BIGINT", "valid")).toBe("BigInt");
    expect(graphqlTypeFor("BIGINT")).toBe("BigInt");
  });

  it("arrays become lists", () => {
    expect(graphqlTypeFor("TEXT[]", "tags")).toBe("[String]");
    expect(graphqlTypeFor("INTEGER[]", "scores")).toBe("[Int]");
    expect(graphqlTypeFor("BIGINT[]", "tag_id")).toBe("[ID]");
    expect(graphqlTypeFor("VARCHAR(20)[]", "codes")).toBe("[String]");
  });

  it("arrays in PostgreSQL's internal spelling (_int4, as information_schema's udt_name gives them) are lists of the element", () => {
    expect(parsePgType("_int4")).toEqual({ base: "INT4", array: true });
    expect(graphqlTypeFor("_int4", "scores")).toBe("[Int]");
    expect(graphqlTypeFor("_bool", "flags")).toBe("[Boolean]");
  });
});

describe("formTypeFor", () => {
  it.each([
    ["VARCHAR(255)", "email", "email"],
    ["VARCHAR(255)", "contact_email", "email"],
    ["VARCHAR(255)", "password_hash", "password"],
    ["VARCHAR(500)", "avatar_url", "url"],
    ["VARCHAR(30)", "phone", "tel"],
    ["INTEGER", "age", "number"],
    ["BIGINT", "user_id", "number"],
    ["NUMERIC(12,2)", "price", "number"],
    ["double precision", "ratio", "number"],
    ["BOOLEAN", "is_active", "checkbox"],
    ["DATE", "birthday", "date"],
    ["TIMESTAMPTZ", "created_at", "datetime"],
    ["TIMESTAMP", "seen_at", "datetime"],
    ["TIME", "opens_at", "time"],
    ["TEXT", "bio", "textarea"],
    ["VARCHAR(100)", "name", "text"],
    ["UUID", "token", "text"],
    ["JSONB", "settings", "json"],
    ["TEXT[]", "tags", "json"],
    ["BIGSERIAL", "id", "hidden"],
    ["SERIAL", "id", "hidden"],
  ])("%s %s → %s", (pgType, column, form) => {
    expect(formTypeFor(pgType, column)).toBe(form);
    expect(FORM_TYPES).toContain(form);
  });

  it("select when enum options exist, whatever the type and name", () => {
    expect(formTypeFor("VARCHAR(20)", "status", true)).toBe("select");
    expect(formTypeFor("VARCHAR(255)", "email", true)).toBe("select");
    expect(formTypeFor("INTEGER", "level", true)).toBe("select");
  });

  it("the email hint applies to text columns, not to a flag or a timestamp about the email", () => {
    expect(formTypeFor("BOOLEAN", "email_verified")).toBe("checkbox");
    expect(formTypeFor("TIMESTAMPTZ", "email_verified_at")).toBe("datetime");
  });
});

describe("deriveColumnDefaults", () => {
  it("id BIGSERIAL: the primary key, required, ID, hidden", () => {
    expect(deriveColumnDefaults("id", "BIGSERIAL")).toEqual({
      graphql_field: "id",
      graphql_type: "ID",
      form_type: "hidden",
      label: "ID",
      is_primary_key: true,
      is_required: true,
    });
  });

  it("email VARCHAR(255) and user_id BIGINT", () => {
    expect(deriveColumnDefaults("email", "VARCHAR(255)")).toEqual({
      graphql_field: "email",
      graphql_type: "String",
      form_type: "email",
      label: "Email",
      is_primary_key: false,
      is_required: false,
    });
    expect(deriveColumnDefaults("user_id", "BIGINT")).toMatchObject({
      graphql_field: "userId",
      graphql_type: "ID",
      form_type: "number",
      label: "User id",
    });
  });

  it("a given label wins (trimmed); a blank one falls back to the derived label", () => {
    expect(deriveColumnDefaults("name", "VARCHAR(100)", "  이름 ").label).toBe("이름");
    expect(deriveColumnDefaults("created_at", "TIMESTAMPTZ", "   ").label).toBe("Created at");
  });
});
