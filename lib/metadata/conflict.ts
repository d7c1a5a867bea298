import { say } from "../i18n/messages";

/** Thrown when a row changed (or vanished) since the editor loaded it: the caller shows both versions. */
export class ConflictError<T> extends Error {
  constructor(
    readonly current: T | null,
    message?: string,
  ) {
    super(message ?? (current ? say("server.rowChanged") : say("server.rowDeleted")));
    this.name = "ConflictError";
  }
}

/** A user-facing refusal tied to a field (unknown type, duplicate name …). */
export class FieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = "FieldError";
  }
}
