/** Thrown when a row changed (or vanished) since the editor loaded it: the caller shows both versions. */
export class ConflictError<T> extends Error {
  constructor(readonly current: T | null) {
    super(
      current
        ? "Someone else changed this row since you loaded it. Review their values, then choose."
        : "This row was deleted by someone else meanwhile.",
    );
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
