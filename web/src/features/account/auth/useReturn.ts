import { useLocation, useNavigate } from "react-router";

// After signing in: back to where the visitor came from (with that page's
// state, e.g. the slot being booked), or to the dashboard.
export function useReturn() {
  const location = useLocation();
  const navigate = useNavigate();
  const back = (location.state as { back?: string; backState?: unknown } | null) ?? {};
  return () => navigate(back.back ?? "/dashboard", { state: back.backState, replace: true });
}
