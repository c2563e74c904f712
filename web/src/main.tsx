import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { lazy, StrictMode, Suspense } from "react";
import { createRoot } from "react-dom/client";
import { createBrowserRouter, Link, RouterProvider } from "react-router";
import { Layout } from "./components/Layout";
import { Spinner } from "./components/ui";
import "./index.css";
import { AuthProvider } from "./lib/auth";
import Marketplace from "./pages/Marketplace";

// The marketplace loads first; every other page comes when it is visited.
const SpecialistPage = lazy(() => import("./pages/Specialist"));
const Checkout = lazy(() => import("./pages/Checkout"));
const BookingPage = lazy(() => import("./pages/BookingPage"));
const Dashboard = lazy(() => import("./pages/Dashboard"));
const Settings = lazy(() => import("./pages/Settings"));
const Manage = lazy(() => import("./pages/Manage"));
const Receipt = lazy(() => import("./pages/Receipt"));
const auth = () => import("./pages/AuthPages");
const Login = lazy(() => auth().then((m) => ({ default: m.Login })));
const Signup = lazy(() => auth().then((m) => ({ default: m.Signup })));
const ForgotPassword = lazy(() => auth().then((m) => ({ default: m.ForgotPassword })));
const ResetPassword = lazy(() => auth().then((m) => ({ default: m.ResetPassword })));

const page = (element: React.ReactNode) => <Suspense fallback={<Spinner />}>{element}</Suspense>;

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: "/", element: <Marketplace /> },
      { path: "/specialists/:specialistId", element: page(<SpecialistPage />) },
      { path: "/checkout/:slotId", element: page(<Checkout />) },
      { path: "/bookings/:bookingId", element: page(<BookingPage />) },
      { path: "/bookings/:bookingId/receipt", element: page(<Receipt />) },
      { path: "/dashboard", element: page(<Dashboard />) },
      { path: "/settings", element: page(<Settings />) },
      { path: "/manage/:token", element: page(<Manage />) },
      { path: "/login", element: page(<Login />) },
      { path: "/signup", element: page(<Signup />) },
      { path: "/forgot-password", element: page(<ForgotPassword />) },
      { path: "/reset-password", element: page(<ResetPassword />) },
      {
        path: "*",
        element: (
          <div className="py-8 text-center">
            <h1 className="mb-2 text-xl font-semibold">Page not found</h1>
            <p>
              This page does not exist. <Link className="text-indigo-700 underline" to="/">Find a specialist</Link>
            </p>
          </div>
        ),
      },
    ],
  },
]);

const queries = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <QueryClientProvider client={queries}>
      <AuthProvider>
        <RouterProvider router={router} />
      </AuthProvider>
    </QueryClientProvider>
  </StrictMode>,
);
