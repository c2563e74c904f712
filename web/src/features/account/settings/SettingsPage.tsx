import { Navigate } from "react-router";
import type { User } from "../../../shared/api/types";
import { useAuth } from "../../../shared/auth/auth";
import { Spinner } from "../../../shared/ui/ui";
import { AccountForm } from "./AccountForm";
import { CalendarFeed } from "./CalendarFeed";
import { PublicProfileForm } from "./PublicProfileForm";

// "/settings": the account (name, zone, SMS reminders), the calendar
// subscription, and a specialist's public profile.
export default function SettingsPage() {
  const { user, ready } = useAuth();
  if (!ready) return <Spinner />;
  if (!user) return <Navigate to="/login" state={{ back: "/settings" }} replace />;
  return <SettingsFor user={user} />;
}

function SettingsFor({ user }: { user: User }) {
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
      <AccountForm user={user} />
      <CalendarFeed />
      {user.role === "specialist" && <PublicProfileForm />}
    </div>
  );
}
