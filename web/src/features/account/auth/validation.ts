// Checks the sign-up form runs before anything is sent; the server checks again.
import type { FieldErrors } from "../../../shared/api/errors";

export function validateSignup(v: { name: string; email: string; password: string }): FieldErrors {
  const errors: FieldErrors = {};
  if (!v.name.trim()) errors.name = "Please enter your name.";
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v.email.trim())) errors.email = "Please enter a valid email address.";
  const length = [...v.password].length;
  if (length < 12) errors.password = "Use at least 12 characters.";
  else if (length > 128) errors.password = "Use at most 128 characters.";
  return errors;
}
