// Names for the contract's shapes (docs/openapi.yaml → schema.d.ts), for the
// code that passes them around. Nothing here is written by hand but the names.
import type { Answer } from "./client";
import type { components, paths } from "./schema";

type Schemas = components["schemas"];

export type User = Schemas["User"];
export type Role = User["role"];
export type Service = Schemas["Service"];
export type ServiceInput = Schemas["ServiceInput"];
export type CancellationPolicy = Schemas["CancellationPolicy"];
export type RefundRule = Schemas["RefundRule"];
export type Slot = Schemas["Slot"];
export type SlotList = Schemas["SlotList"];
export type Booking = Schemas["Booking"];
export type BookingStatus = Schemas["BookingStatus"];
export type BookingPayment = Schemas["BookingPayment"];
export type BookingPaymentStatus = Schemas["BookingPaymentStatus"];
export type Refund = Schemas["Refund"];
export type CancellationQuote = Schemas["CancellationQuote"];
export type Receipt = Schemas["Receipt"];
export type Notification = Schemas["Notification"];
export type SpecialistSummary = Schemas["SpecialistSummary"];
export type SpecialistProfile = Schemas["SpecialistProfile"];
export type Availability = Schemas["Availability"];
export type AvailabilityInput = Schemas["AvailabilityInput"];
export type TimeRange = Schemas["TimeRange"];

// Answers that have no schema name of their own.
export type SpecialistPage = Answer<paths["/api/specialists/{specialistId}"]["get"]>;
export type Cancelled = Answer<paths["/api/bookings/{bookingId}"]["delete"]>;
export type Earnings = Answer<paths["/api/earnings"]["get"]>;
export type EarningsMonth = Earnings["months"][number];
export type PayoutAccount = Answer<paths["/api/payments/connect"]["get"]>;
