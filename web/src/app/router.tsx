// The app's addresses. Each page is its feature's; this table is the only
// place that knows them all. The marketplace loads first, every other page
// when it is visited.
//
// A route whose page reads public data has a loader that starts the page's
// requests at navigation, through the same query definitions the page uses,
// and starts loading the page's code beside them: data and code arrive side by
// side instead of one after the other. The loaders return at once, so nothing
// waits on them; the page shows its own progress and errors.
import type { QueryClient } from "@tanstack/react-query";
import { lazy, Suspense, type ReactNode } from "react";
import { createBrowserRouter, Link, type LoaderFunctionArgs, type RouteObject } from "react-router";
import { manageQuery } from "../features/booking/manage/manage";
import { specialistsQuery } from "../features/marketplace/useSpecialists";
import MarketplacePage from "../features/marketplace/MarketplacePage";
import { prefetchProfile } from "../features/specialist-profile/profile";
import type { ApiClient } from "../shared/api/client";
import { Spinner } from "../shared/ui/ui";
import { Layout } from "./Layout";

const loadProfilePage = () => import("../features/specialist-profile/SpecialistProfilePage");
const loadManagePage = () => import("../features/booking/manage/ManagePage");

const SpecialistProfilePage = lazy(loadProfilePage);
const CheckoutPage = lazy(() => import("../features/booking/checkout/CheckoutPage"));
const BookingPage = lazy(() => import("../features/booking/booking-page/BookingPage"));
const ReceiptPage = lazy(() => import("../features/booking/receipt/ReceiptPage"));
const ManagePage = lazy(loadManagePage);
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

// Starts a page's code loading. React.lazy's own import of the same module
// then finds it loading (or loaded); a failure is left for that import to meet
// and show, so this one's is dropped.
const startLoading = (code: () => Promise<unknown>) => void code().catch(() => undefined);

// Once the browser is idle: loading what is likely needed next (a card's
// profile page) must not compete with showing this one.
const whenIdle = (work: () => void) =>
  typeof requestIdleCallback === "function" ? requestIdleCallback(work, { timeout: 2000 }) : setTimeout(work, 200);

const searchOf = (request: Request) => new URL(request.url).searchParams;

// The routes, their loaders reading through `queries` (the app's one cache)
// and `api` (its one client, with the visitor's session).
export function appRoutes(queries: QueryClient, api: ApiClient): RouteObject[] {
  // A loader's answer is nothing: it only starts requests (see the top).
  const starts = (begin: (args: LoaderFunctionArgs) => void) => (args: LoaderFunctionArgs) => {
    begin(args);
    return null;
  };
  const marketplace = starts(({ request }) => {
    void queries.prefetchQuery(specialistsQuery(api, searchOf(request))).then(() => whenIdle(() => startLoading(loadProfilePage)));
  });
  // The request first: the answer takes longer to come than the code.
  const profile = starts(({ params, request }) => {
    prefetchProfile(queries, api, params.specialistId ?? "", searchOf(request));
    startLoading(loadProfilePage);
  });
  const manage = starts(({ params }) => {
    void queries.prefetchQuery(manageQuery(api, params.token ?? ""));
    startLoading(loadManagePage);
  });
  // Shown for the moment before a loader has returned on the first load.
  const waiting = <Spinner />;
  return [
    {
      element: <Layout />,
      children: [
        { path: "/", loader: marketplace, hydrateFallbackElement: waiting, element: <MarketplacePage /> },
        { path: "/specialists/:specialistId", loader: profile, hydrateFallbackElement: waiting, element: page(<SpecialistProfilePage />) },
        { path: "/checkout/:slotId", element: page(<CheckoutPage />) },
        { path: "/bookings/:bookingId", element: page(<BookingPage />) },
        { path: "/bookings/:bookingId/receipt", element: page(<ReceiptPage />) },
        { path: "/dashboard", element: page(<DashboardRoute />) },
        { path: "/settings", element: page(<SettingsPage />) },
        { path: "/manage/:token", loader: manage, hydrateFallbackElement: waiting, element: page(<ManagePage />) },
        { path: "/login", element: page(<LoginPage />) },
        { path: "/signup", element: page(<SignupPage />) },
        { path: "/forgot-password", element: page(<ForgotPasswordPage />) },
        { path: "/reset-password", element: page(<ResetPasswordPage />) },
        { path: "*", element: <NotFound /> },
      ],
    },
  ];
}

export const createAppRouter = (queries: QueryClient, api: ApiClient) => createBrowserRouter(appRoutes(queries, api));
