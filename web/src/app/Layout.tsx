import { useMutation } from "@tanstack/react-query";
import { Link, NavLink, Outlet, useNavigate } from "react-router";
import { useAuth } from "../shared/auth/auth";

// The frame of every page: the main navigation and the page itself.
export function Layout() {
  const { user, logout } = useAuth();
  const navigate = useNavigate();
  const signOut = useMutation({ mutationFn: logout });
  const link = ({ isActive }: { isActive: boolean }) =>
    `rounded px-2 py-1 ${isActive ? "font-semibold text-indigo-700" : "text-slate-700 hover:text-indigo-700"}`;
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <nav aria-label="Main" className="mx-auto flex max-w-6xl flex-wrap items-center gap-3 px-4 py-3">
          <Link to="/" className="mr-auto text-lg font-bold text-indigo-700">
            Confer
          </Link>
          <NavLink to="/" end className={link}>
            Find a specialist
          </NavLink>
          {user ? (
            <>
              <NavLink to="/dashboard" className={link}>
                Dashboard
              </NavLink>
              <NavLink to="/settings" className={link}>
                Settings
              </NavLink>
              <button
                className="rounded px-2 py-1 text-slate-700 hover:text-indigo-700"
                onClick={async () => {
                  await signOut.mutateAsync();
                  navigate("/");
                }}
              >
                Log out
              </button>
            </>
          ) : (
            <>
              <NavLink to="/login" className={link}>
                Log in
              </NavLink>
              <NavLink to="/signup" className={link}>
                Sign up
              </NavLink>
            </>
          )}
        </nav>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        <Outlet />
      </main>
    </div>
  );
}
