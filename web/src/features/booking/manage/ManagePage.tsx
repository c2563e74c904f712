import { useQuery } from "@tanstack/react-query";
import { useParams } from "react-router";
import { useApi } from "../../../shared/api/context";
import { bookingTimes } from "../../../shared/booking/booking";
import { BookingActions } from "../../../shared/booking/BookingActions";
import { BookingSummary } from "../../../shared/booking/BookingSummary";
import { policyText } from "../../../shared/booking/policy";
import { Card, ErrorBox, Spinner } from "../../../shared/ui/ui";
import { manageQuery } from "./manage";

// "/manage/:token", the manage-booking link from the emails: no login, the
// token is the key. Each party's link acts as that party (`viewer`): the
// customer's shows the zone they picked, the specialist's their own.
export default function ManagePage() {
  const { token = "" } = useParams();
  const api = useApi();
  const query = useQuery(manageQuery(api, token));
  if (query.isPending) return <Spinner />;
  if (query.isError) return <ErrorBox error={query.error} />;
  const b = query.data;
  const viewer = b.viewer ?? "customer";
  return (
    <div className="mx-auto max-w-xl">
      <Card>
        <h1 className="mb-3 text-xl font-semibold">Your booking</h1>
        <BookingSummary booking={b} viewer={viewer} />
        <BookingActions
          booking={b}
          target={{ token }}
          viewer={viewer}
          zone={bookingTimes(b, viewer).zone}
          canReschedule
          policy={viewer === "customer" ? policyText(b.service.cancellationPolicy) : "When you cancel, the customer gets everything they paid back."}
        />
      </Card>
    </div>
  );
}
