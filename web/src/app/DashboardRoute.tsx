import { lazy, Suspense } from "react";
import { Navigate } from "react-router";
import { useAuth } from "../shared/auth/auth";
import { Spinner } from "../shared/ui/ui";

const CustomerDashboard = lazy(() => import("../features/customer-dashboard/CustomerDashboard"));
const SpecialistDashboard = lazy(() => import("../features/specialist-dashboard/SpecialistDashboard"));

// /dashboard: the signed-in user's own dashboard, by their role.
export default function DashboardRoute() {
  const { user, ready } = useAuth();
  if (!ready) return <Spinner />;
  if (!user) return <Navigate to="/login" state={{ back: "/dashboard" }} replace />;
  return <Suspense fallback={<Spinner />}>{user.role === "specialist" ? <SpecialistDashboard /> : <CustomerDashboard />}</Suspense>;
}
