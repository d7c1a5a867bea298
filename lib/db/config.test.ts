import { describe, expect, it } from "vitest";
import { describeConnection, resolveConnection } from "./config";

describe("resolveConnection: DATABASE_URL", () => {
  it("parses every part, decoding an encoded password, user and database", () => {
    const r = resolveConnection({ DATABASE_URL: "postgres://app%20user:p%40ss%3Aw%2Frd%25@db.example.com:6543/my%2Ddb" });
    expect(r.source).toBe("DATABASE_URL");
    expect(r.config).toEqual({
      host: "db.example.com",
      port: 6543,
      database: "my-db",
      user: "app user",
      password: "p@ss:w/rd%",
      ssl: false,
    });
    expect(r.display).toEqual({ host: "db.example.com", port: 6543, database: "my-db", user: "app user", ssl: false });
  });

  it("accepts postgresql:// and trims whitespace; defaults the port to 5432 and the database to the user", () => {
    const r = resolveConnection({ DATABASE_URL: "  postgresql://alice:x@localhost/  " });
    expect(r.display).toEqual({ host: "localhost", port: 5432, database: "alice", user: "alice", ssl: false });
  });

  it("defaults user and database to postgres when the URL has neither", () => {
    expect(resolveConnection({ DATABASE_URL: "postgres://db.example.com" }).display).toMatchObject({
      user: "postgres",
      database: "postgres",
      port: 5432,
    });
  });

  // libpq's meanings: require encrypts without checking the certificate; verify-* check it;
  // prefer/allow have no fallback in pg, so they connect without SSL.
  it.each([
    ["require", { rejectUnauthorized: false }],
    ["verify-ca", { rejectUnauthorized: true }],
    ["verify-full", { rejectUnauthorized: true }],
    ["prefer", false],
    ["allow", false],
    ["disable", false],
  ] as const)("sslmode=%s → ssl %j", (mode, ssl) => {
    const r = resolveConnection({ DATABASE_URL: `postgres://u:p@h:5432/d?sslmode=${mode}` });
    expect(r.display.ssl).toBe(ssl !== false);
    expect(r.config.ssl).toEqual(ssl);
  });

  it("DB_SSL turns ssl on; DB_SSL_ALLOW_SELF_SIGNED relaxes certificate checks", () => {
    const r = resolveConnection({ DATABASE_URL: "postgres://u:p@h/d", DB_SSL: "true", DB_SSL_ALLOW_SELF_SIGNED: "1" });
    expect(r.display.ssl).toBe(true);
    expect(r.config.ssl).toEqual({ rejectUnauthorized: false });
    expect(resolveConnection({ DATABASE_URL: "postgres://u:p@h/d", DB_SSL: "0" }).display.ssl).toBe(false);
  });

  it("wins over DB_* variables", () => {
    const r = resolveConnection({ DATABASE_URL: "postgres://u:p@from-url/d", DB_HOST: "from-vars", DB_NAME: "other" });
    expect(r.source).toBe("DATABASE_URL");
    expect(r.display.host).toBe("from-url");
  });

  it("reports the embedded server as its source when the launcher says so", () => {
    expect(resolveConnection({ DATABASE_URL: "postgres://u:p@127.0.0.1:54329/x", METADATA_EDITOR_EMBEDDED: "1" }).source).toBe("embedded");
  });

  it("strips the brackets of an IPv6 host (as pg's own connection-string parser does)", () => {
    const r = resolveConnection({ DATABASE_URL: "postgres://u:p@[::1]:5433/d" });
    expect(r.config.host).toBe("::1");
    expect(r.display.port).toBe(5433);
  });

  it("refuses a non-postgres protocol, a malformed URL and an out-of-range port", () => {
    expect(() => resolveConnection({ DATABASE_URL: "mysql://u:p@h/d" })).toThrow('must start with postgres:// or postgresql://, got "mysql://"');
    expect(() => resolveConnection({ DATABASE_URL: "not a url" })).toThrow("DATABASE_URL is not a valid URL");
    expect(() => resolveConnection({ DATABASE_URL: "postgres://u:p@h:70000/d" })).toThrow("DATABASE_URL is not a valid URL");
  });
});

describe("resolveConnection: a bad percent-encoding in DATABASE_URL", () => {
  it.each([
    ["password", "postgres://app:s3cr%ZZet@db.example.com/shop"],
    ["user name", "postgres://ap%p:secret@db.example.com/shop"],
    ["database name", "postgres://app:secret@db.example.com/sh%G0op"],
    ["host", "postgres://app:secret@db%zz.example.com/shop"],
  ])("names the variable and the part (%s), never its value", (part, url) => {
    let message = "";
    try {
      resolveConnection({ DATABASE_URL: url });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(`DATABASE_URL has a bad percent-encoding in its ${part}`);
    expect(message).toContain("%25");
    expect(message).not.toMatch(/URI malformed|secret|s3cr|sh%G0op|db%zz/);
  });
});

describe("resolveConnection: the seed's DB_* variables", () => {
  it("uses all five", () => {
    const r = resolveConnection({ DB_HOST: "db.local", DB_PORT: "5544", DB_USER: "shop", DB_PASSWORD: "s3cr3t!", DB_NAME: "shop_dev" });
    expect(r.source).toBe("DB_*");
    expect(r.config).toEqual({ host: "db.local", port: 5544, database: "shop_dev", user: "shop", password: "s3cr3t!", ssl: false });
    expect(r.display).toEqual({ host: "db.local", port: 5544, database: "shop_dev", user: "shop", ssl: false });
  });

  it("fills defaults: localhost, 5432, user postgres, database = user", () => {
    expect(resolveConnection({ DB_NAME: "only_name" }).display).toEqual({
      host: "localhost",
      port: 5432,
      database: "only_name",
      user: "postgres",
      ssl: false,
    });
    expect(resolveConnection({ DB_USER: "bob" }).display).toMatchObject({ database: "bob", user: "bob" });
    expect(resolveConnection({ DB_HOST: "h", DB_PORT: "" }).display).toMatchObject({ port: 5432, database: "postgres" });
  });

  it("DB_SSL=require turns ssl on", () => {
    const r = resolveConnection({ DB_HOST: "h", DB_SSL: "require" });
    expect(r.display.ssl).toBe(true);
    expect(r.config.ssl).toEqual({ rejectUnauthorized: true });
  });

  it.each(["abc", "0", "65536", "-1", "54.3", "5432x"])("refuses DB_PORT=%s", (port) => {
    expect(() => resolveConnection({ DB_HOST: "h", DB_PORT: port })).toThrow(`DB_PORT must be a port number (1-65535), got "${port}"`);
  });

  it("is 'none' with neither DATABASE_URL nor DB_HOST/DB_NAME/DB_USER (a lone DB_PASSWORD or DB_PORT is not enough)", () => {
    const none = { source: "none", config: {}, display: { host: "", port: 0, database: "", user: "", ssl: false } };
    expect(resolveConnection({})).toEqual(none);
    expect(resolveConnection({ DATABASE_URL: "   " })).toEqual(none);
    expect(resolveConnection({ DB_PASSWORD: "x", DB_PORT: "5432" })).toEqual(none);
  });
});

describe("describeConnection", () => {
  it("shows user@host:port/database and ssl, never the password", () => {
    const fromUrl = resolveConnection({ DATABASE_URL: "postgres://app:Hunter2Secret@db.example.com:6543/shop?sslmode=require" });
    expect(describeConnection(fromUrl.display)).toBe("app@db.example.com:6543/shop (ssl)");
    expect(JSON.stringify(fromUrl.display)).not.toContain("Hunter2Secret");
    const fromVars = resolveConnection({ DB_HOST: "h", DB_USER: "u", DB_PASSWORD: "Hunter2Secret", DB_NAME: "d" });
    expect(describeConnection(fromVars.display)).toBe("u@h:5432/d");
    expect(JSON.stringify(fromVars.display)).not.toContain("Hunter2Secret");
    expect(fromVars.display).not.toHaveProperty("password");
  });
});
