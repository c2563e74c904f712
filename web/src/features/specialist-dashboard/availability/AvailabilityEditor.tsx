import { useEffect, useState } from "react";
import { fieldErrors, type FieldErrors } from "../../../shared/api/errors";
import { Button, Card, ErrorBox, Field, Spinner } from "../../../shared/ui/ui";
import { ZonePicker } from "../../../shared/ui/ZonePicker";
import { BookingRules } from "./BookingRules";
import { Breaks } from "./Breaks";
import { DraftPreview } from "./DraftPreview";
import { validateIntervals } from "./intervals";
import { errorFinder } from "./parts";
import { DAYS, type Rules } from "./rules";
import { SpecialDays } from "./SpecialDays";
import { useAvailability, useSaveAvailability } from "./useAvailability";
import { WeeklyHours } from "./WeeklyHours";

// The Availability tab's editor: weekly hours, breaks, days off and special
// days, booking rules, a live preview, and Save.
export default function AvailabilityEditor() {
  const query = useAvailability();
  const save = useSaveAvailability();
  const [rules, setRules] = useState<Rules | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (query.data) setRules(query.data);
  }, [query.data]);
  if (query.isPending || !rules) return query.isError ? <ErrorBox error={query.error} /> : <Spinner />;

  const update = (patch: Partial<Rules>) => {
    setSaved(false);
    setRules({ ...rules, ...patch });
  };
  const submit = () => {
    const local: FieldErrors = {};
    for (const d of DAYS) {
      const problem = rules.workingHours[d].enabled && validateIntervals(rules.workingHours[d].intervals);
      if (problem) local[`workingHours.${d}`] = problem;
    }
    setErrors(local);
    if (Object.keys(local).length) return;
    save.mutate(rules, {
      onSuccess: (result) => {
        setRules(result);
        setSaved(true);
      },
      onError: (e) => setErrors(fieldErrors(e)),
    });
  };
  const part = { rules, update, errorFor: errorFinder(errors) };
  return (
    <Card>
      <h2 className="mb-3 text-lg font-semibold">Weekly hours</h2>
      <div className="max-w-sm">
        <Field label="Your time zone" error={errors.timezone}>{(id) => <ZonePicker id={id} value={rules.timezone} onChange={(timezone) => update({ timezone })} />}</Field>
      </div>
      <WeeklyHours {...part} />
      <Breaks {...part} />
      <SpecialDays {...part} />
      <BookingRules rules={rules} update={update} errors={errors} />
      <DraftPreview rules={rules} />
      {save.error !== null && <ErrorBox error={save.error} />}
      <div className="flex items-center gap-3">
        <Button onClick={submit}>Save availability</Button>
        {saved && <span role="status" className="text-sm text-green-700">Saved. Your free times below follow at once.</span>}
      </div>
    </Card>
  );
}
