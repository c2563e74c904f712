import { lazy, Suspense } from "react";
import { Navigate } from "react-router";
import { Spinner } from "../components/ui";
import { useAuth } from "../lib/auth";

const CustomerDashboard = lazy(() => import("./CustomerDashboard"));
const SpecialistDashboard = lazy(() => import("./SpecialistDashboard"));

export default function Dashboard() {
  const { user, ready } = useAuth();
  if (!ready) return <Spinner />;
  if (!user) return <Navigate to="/login" state={{ back: "/dashboard" }} replace />;
  return <Suspense fallback={<Spinner />}>{user.role === "specialist" ? <SpecialistDashboard /> : <CustomerDashboard />}</Suspense>;
}
