import { useState } from "react";
import { fieldErrors, type FieldErrors } from "../../../shared/api/errors";
import type { Service } from "../../../shared/api/types";
import { Button, Card, Empty, ErrorBox, Spinner } from "../../../shared/ui/ui";
import { emptyForm, formOf, inputOf, type ServiceDraft } from "./form";
import { ServiceFormFields } from "./ServiceFormFields";
import { ServiceList } from "./ServiceList";
import { useMyServices, useServiceChanges } from "./useServices";
import { validateService } from "./validation";

// The Services tab: the specialist's services, and the form to add or edit one.
export default function ServicesPanel() {
  const query = useMyServices();
  const services = query.data?.items ?? [];
  const { save } = useServiceChanges();
  const [form, setForm] = useState<ServiceDraft>(emptyForm);
  const [editing, setEditing] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const edit = (s: Service) => {
    setEditing(s.id);
    setErrors({});
    setForm(formOf(s));
  };
  const clear = () => {
    setForm({ ...form, title: "", description: "" });
    setEditing(null);
  };
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const local = validateService(form);
    setErrors(local);
    if (Object.keys(local).length) return;
    save.mutate({ id: editing, body: inputOf(form) }, { onSuccess: clear, onError: (err) => setErrors(fieldErrors(err)) });
  };
  return (
    <Card>
      <h2 className="mb-3 text-lg font-semibold">Services</h2>
      {query.isPending && <Spinner />}
      {query.isError && <ErrorBox error={query.error} />}
      {query.isSuccess && services.length === 0 && <Empty>No services yet: add your first one below.</Empty>}
      <ServiceList services={services} onEdit={edit} />
      <form onSubmit={submit} noValidate>
        <h3 className="mb-2 font-semibold">{editing ? "Edit service" : "New service"}</h3>
        <ServiceFormFields form={form} errors={errors} onChange={setForm} />
        {save.error !== null && Object.keys(errors).length === 0 && <ErrorBox error={save.error} />}
        <div className="flex gap-2">
          <Button type="submit">{editing ? "Save changes" : "Add service"}</Button>
          {editing && (
            <Button type="button" variant="secondary" onClick={clear}>
              Cancel
            </Button>
          )}
        </div>
      </form>
    </Card>
  );
}
