// What a failed request tells the person: the server's RFC 9457 problem
// (`detail`, or `title`) and, on 422, one sentence per field.
export type FieldErrors = Record<string, string>;

export class ApiError extends Error {
  status: number;
  fields: FieldErrors;
  constructor(status: number, message: string, fields: FieldErrors = {}) {
    super(message);
    this.status = status;
    this.fields = fields;
  }
}

// RFC 9457 `errors` from the server: each field has a list of messages such
// as "must not be empty". Forms show one sentence per field.
export function fieldErrorsFrom(errors: unknown): FieldErrors {
  const out: FieldErrors = {};
  if (!errors || typeof errors !== "object") return out;
  for (const [field, value] of Object.entries(errors)) {
    const messages = (Array.isArray(value) ? value : [value]).filter((m): m is string => typeof m === "string" && m.trim() !== "");
    if (!messages.length) continue;
    out[field] = messages
      .map((m) => m.trim())
      .map((m) => m[0].toUpperCase() + m.slice(1) + (/[.!?]$/.test(m) ? "" : "."))
      .join(" ");
  }
  return out;
}

// The error a problem body (or any other answer) stands for.
export function errorFromProblem(status: number, body: unknown): ApiError {
  const problem: { detail?: unknown; title?: unknown; errors?: unknown } = typeof body === "object" && body ? body : {};
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  return new ApiError(
    status,
    text(problem.detail) ?? text(problem.title) ?? `The server answered ${status}.`,
    fieldErrorsFrom(problem.errors),
  );
}

// The field errors an error carries (none unless the server named fields).
export function fieldErrors(error: unknown): FieldErrors {
  return error instanceof ApiError ? error.fields : {};
}

export function newIdempotencyKey() {
  return crypto.randomUUID();
}
