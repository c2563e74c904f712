import type { FieldErrors } from "../../../shared/api/errors";
import { Field, TextInput } from "../../../shared/ui/ui";
import type { PartProps } from "./parts";

// Buffer, notice, horizon and the session lengths offered.
export function BookingRules({ rules, update, errors }: Omit<PartProps, "errorFor"> & { errors: FieldErrors }) {
  return (
    <>
      <h3 className="mb-2 mt-4 font-semibold">Booking rules</h3>
      <div className="grid grid-cols-1 gap-x-4 sm:grid-cols-4">
        <Field label="Buffer between bookings (min)" error={errors.bufferTime}>
          {(id) => <TextInput id={id} type="number" min={0} max={240} value={rules.bufferTime} onChange={(e) => update({ bufferTime: Number(e.target.value) })} />}
        </Field>
        <Field label="Minimum notice (hours)" error={errors.minBookingNotice}>
          {(id) => <TextInput id={id} type="number" min={0} value={rules.minBookingNotice} onChange={(e) => update({ minBookingNotice: Number(e.target.value) })} />}
        </Field>
        <Field label="Book up to (days ahead)" error={errors.maxAdvanceBooking}>
          {(id) => <TextInput id={id} type="number" min={1} value={rules.maxAdvanceBooking} onChange={(e) => update({ maxAdvanceBooking: Number(e.target.value) })} />}
        </Field>
        <Field label="Session lengths (min)" error={errors.slotDuration} hint="Comma-separated, e.g. 30, 60">
          {(id) => (
            <TextInput id={id} defaultValue={rules.slotDuration.join(", ")}
              onBlur={(e) => update({ slotDuration: e.target.value.split(",").map((x) => Number(x.trim())).filter((x) => x > 0) })} />
          )}
        </Field>
      </div>
    </>
  );
}
