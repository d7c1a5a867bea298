import type { ClientConfig } from "pg";

/** Where the connection settings came from; shown in the status line and the CLI. */
export type ConnectionSource = "DATABASE_URL" | "DB_*" | "embedded" | "none";

/** What may be shown to a person: never the password. */
export interface ConnectionDisplay {
  host: string;
  port: number;
  database: string;
  user: string;
  ssl: boolean;
}

export interface ResolvedConnection {
  source: ConnectionSource;
  config: ClientConfig;
  display: ConnectionDisplay;
}

type Env = Record<string, string | undefined>;

function truthy(value: string | undefined): boolean {
  return value !== undefined && /^(1|true|yes|on|require)$/i.test(value.trim());
}

function parsePort(raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === "") return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`DB_PORT must be a port number (1-65535), got "${raw}"`);
  }
  return port;
}

/** A part of DATABASE_URL, percent-decoded; a bad escape names the variable and the part, never the value. */
function decodeUrlPart(value: string, part: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new Error(
      `DATABASE_URL has a bad percent-encoding in its ${part}: "%" must start a %XX escape (write % itself as %25, @ as %40, : as %3A, / as %2F)`,
    );
  }
}

/**
 * The one place that reads connection settings. DATABASE_URL wins over the spec's DB_* variables;
 * with neither, the launcher starts an embedded server and sets DATABASE_URL plus
 * METADATA_EDITOR_EMBEDDED=1, so the source can still be reported truthfully.
 */
export function resolveConnection(env: Env = process.env): ResolvedConnection {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error("DATABASE_URL is not a valid URL (expected postgres://user:password@host:port/database)");
    }
    if (!/^postgres(ql)?:$/.test(parsed.protocol)) {
      throw new Error(`DATABASE_URL must start with postgres:// or postgresql://, got "${parsed.protocol}//"`);
    }
    // libpq's modes: require encrypts without checking the certificate, verify-* check it; pg has no
    // "prefer"/"allow" fallback, so those connect without SSL.
    const sslMode = parsed.searchParams.get("sslmode");
    const ssl = truthy(env.DB_SSL) || sslMode === "require" || sslMode === "verify-ca" || sslMode === "verify-full";
    const verify = sslMode === "verify-ca" || sslMode === "verify-full" || (sslMode === null && !truthy(env.DB_SSL_ALLOW_SELF_SIGNED));
    const display: ConnectionDisplay = {
      // WHATWG keeps IPv6 hosts in brackets; pg wants them bare.
      host: decodeUrlPart(parsed.hostname, "host").replace(/^\[(.+)\]$/, "$1") || "localhost",
      port: parsePort(parsed.port || undefined, 5432),
      database: decodeUrlPart(parsed.pathname.replace(/^\//, ""), "database name") || decodeUrlPart(parsed.username, "user name") || "postgres",
      user: decodeUrlPart(parsed.username, "user name") || "postgres",
      ssl,
    };
    return {
      source: env.METADATA_EDITOR_EMBEDDED === "1" ? "embedded" : "DATABASE_URL",
      config: {
        host: display.host,
        port: display.port,
        database: display.database,
        user: display.user,
        password: decodeUrlPart(parsed.password, "password"),
        ssl: ssl ? { rejectUnauthorized: verify } : false,
      },
      display,
    };
  }
  if (env.DB_HOST || env.DB_NAME || env.DB_USER) {
    const display: ConnectionDisplay = {
      host: env.DB_HOST || "localhost",
      port: parsePort(env.DB_PORT, 5432),
      database: env.DB_NAME || env.DB_USER || "postgres",
      user: env.DB_USER || "postgres",
      ssl: truthy(env.DB_SSL),
    };
    return {
      source: "DB_*",
      config: {
        host: display.host,
        port: display.port,
        database: display.database,
        user: display.user,
        password: env.DB_PASSWORD,
        ssl: display.ssl ? { rejectUnauthorized: !truthy(env.DB_SSL_ALLOW_SELF_SIGNED) } : false,
      },
      display,
    };
  }
  return {
    source: "none",
    config: {},
    display: { host: "", port: 0, database: "", user: "", ssl: false },
  };
}

export function describeConnection(d: ConnectionDisplay): string {
  return `${d.user}@${d.host}:${d.port}/${d.database}${d.ssl ? " (ssl)" : ""}`;
}
