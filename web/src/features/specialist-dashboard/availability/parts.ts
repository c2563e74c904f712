import type { FieldErrors } from "../../../shared/api/errors";
import type { Rules } from "./rules";

// What each part of the availability editor gets: the rules on screen, a way
// to change them, and the error (if any) for a field or any field under it.
export type PartProps = { rules: Rules; update: (patch: Partial<Rules>) => void; errorFor: (prefix: string) => string | undefined };

export function errorFinder(errors: FieldErrors) {
  return (prefix: string) =>
    Object.entries(errors).find(([k]) => k === prefix || k.startsWith(prefix + ".") || k.startsWith(prefix + "["))?.[1];
}
