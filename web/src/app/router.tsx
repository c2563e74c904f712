// The app's addresses. Each page is its feature's; this table is the only
// place that knows them all. The marketplace loads first, every other page
// when it is visited.
import { lazy, Suspense, type ReactNode } from "react";
import { createBrowserRouter, Link } from "react-router";
import MarketplacePage from "../features/marketplace/MarketplacePage";
import { Spinner } from "../shared/ui/ui";
import { Layout } from "./Layout";

const SpecialistProfilePage = lazy(() => import("../features/specialist-profile/SpecialistProfilePage"));
const CheckoutPage = lazy(() => import("../features/booking/checkout/CheckoutPage"));
const BookingPage = lazy(() => import("../features/booking/booking-page/BookingPage"));
const ReceiptPage = lazy(() => import("../features/booking/receipt/ReceiptPage"));
const ManagePage = lazy(() => import("../features/booking/manage/ManagePage"));
const DashboardRoute = lazy(() => import("./DashboardRoute"));
const SettingsPage = lazy(() => import("../features/account/settings/SettingsPage"));
const LoginPage = lazy(() => import("../features/account/auth/LoginPage"));
const SignupPage = lazy(() => import("../features/account/auth/SignupPage"));
const ForgotPasswordPage = lazy(() => import("../features/account/auth/ForgotPasswordPage"));
const ResetPasswordPage = lazy(() => import("../features/account/auth/ResetPasswordPage"));

const page = (element: ReactNode) => <Suspense fallback={<Spinner />}>{element}</Suspense>;

function NotFound() {
  return (
    <div className="py-8 text-center">
      <h1 className="mb-2 text-xl font-semibold">Page not found</h1>
      <p>
        This page does not exist. <Link className="text-indigo-700 underline" to="/">Find a specialist</Link>
      </p>
    </div>
  );
}

export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: "/", element: <MarketplacePage /> },
      { path: "/specialists/:specialistId", element: page(<SpecialistProfilePage />) },
      { path: "/checkout/:slotId", element: page(<CheckoutPage />) },
      { path: "/bookings/:bookingId", element: page(<BookingPage />) },
      { path: "/bookings/:bookingId/receipt", element: page(<ReceiptPage />) },
      { path: "/dashboard", element: page(<DashboardRoute />) },
      { path: "/settings", element: page(<SettingsPage />) },
      { path: "/manage/:token", element: page(<ManagePage />) },
      { path: "/login", element: page(<LoginPage />) },
      { path: "/signup", element: page(<SignupPage />) },
      { path: "/forgot-password", element: page(<ForgotPasswordPage />) },
      { path: "/reset-password", element: page(<ResetPasswordPage />) },
      { path: "*", element: <NotFound /> },
    ],
  },
]);
