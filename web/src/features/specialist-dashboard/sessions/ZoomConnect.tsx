import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useApi } from "../../../shared/api/context";
import { keys } from "../../../shared/api/keys";
import { Button, ErrorBox } from "../../../shared/ui/ui";

// Connect Zoom Account: meetings then go on the specialist's own Zoom.
export function ZoomConnect() {
  const api = useApi();
  const client = useQueryClient();
  const status = useQuery({ queryKey: keys.zoom, queryFn: () => api.get("/api/zoom/status") });
  const connect = useMutation({
    mutationFn: () => api.get("/api/zoom/connect"),
    onSuccess: ({ authorizeUrl }) => window.location.assign(authorizeUrl),
  });
  const disconnect = useMutation({
    mutationFn: () => api.delete("/api/zoom/connect"),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.zoom }),
  });
  if (!status.data?.available) return null;
  const error = connect.error ?? disconnect.error;
  return (
    <div className="mt-4">
      <h3 className="mb-1 font-semibold">Video</h3>
      {status.data.connected ? (
        <p className="text-sm">
          Your meetings are on your Zoom account.{" "}
          <button className="text-indigo-700 underline" onClick={() => disconnect.mutate()}>
            Disconnect
          </button>
        </p>
      ) : (
        <Button variant="secondary" onClick={() => connect.mutate()}>
          Connect Zoom Account
        </Button>
      )}
      {error !== null && <ErrorBox error={error} />}
    </div>
  );
}
