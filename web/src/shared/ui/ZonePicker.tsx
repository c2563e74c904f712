import { allZones } from "../time";
import { Select } from "./ui";

export function ZonePicker({ value, onChange, id }: { value: string; onChange: (zone: string) => void; id?: string }) {
  const zones = allZones();
  const list = zones.includes(value) ? zones : [value, ...zones];
  return (
    <Select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      {list.map((zone) => (
        <option key={zone} value={zone}>
          {zone}
        </option>
      ))}
    </Select>
  );
}
