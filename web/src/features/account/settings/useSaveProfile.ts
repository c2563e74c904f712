import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useApi } from "../../../shared/api/context";
import { fieldErrors, type FieldErrors } from "../../../shared/api/errors";
import { families, keys } from "../../../shared/api/keys";
import { listFrom } from "./lists";

// The public profile form as typed: lists as comma-separated text.
export type ProfileDraft = { headline: string; bio: string; specialties: string; languages: string; photoUrl: string };

// Saving the public profile: the marketplace and the profile page then show it.
export function useSaveProfile(setErrors: (errors: FieldErrors) => void) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (form: ProfileDraft) =>
      api.patch("/api/specialists/me", {
        body: {
          headline: form.headline.trim(),
          bio: form.bio.trim(),
          specialties: listFrom(form.specialties),
          languages: listFrom(form.languages),
          photoUrl: form.photoUrl.trim() || null,
        },
      }),
    onSuccess: () => {
      setErrors({});
      for (const key of [keys.myProfile, families.specialist, families.specialists]) void client.invalidateQueries({ queryKey: key });
    },
    onError: (err) => setErrors(fieldErrors(err)),
  });
}
