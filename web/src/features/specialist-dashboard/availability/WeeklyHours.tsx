import { IntervalsEditor } from "./IntervalsEditor";
import type { PartProps } from "./parts";
import { DAYS } from "./rules";

// Each weekday on or off, with its intervals.
export function WeeklyHours({ rules, update, errorFor }: PartProps) {
  return (
    <table className="mb-4 w-full text-sm">
      <tbody>
        {DAYS.map((d) => (
          <tr key={d} className="border-t border-slate-100 align-top">
            <td className="py-2 pr-2">
              <label className="capitalize">
                <input type="checkbox" className="mr-2" checked={rules.workingHours[d].enabled}
                  onChange={(e) => update({ workingHours: { ...rules.workingHours, [d]: { ...rules.workingHours[d], enabled: e.target.checked } } })} />
                {d}
              </label>
            </td>
            <td className="py-2">
              {rules.workingHours[d].enabled ? (
                <IntervalsEditor label={d} value={rules.workingHours[d].intervals}
                  onChange={(intervals) => update({ workingHours: { ...rules.workingHours, [d]: { enabled: true, intervals } } })} />
              ) : (
                <span className="text-slate-600">Unavailable</span>
              )}
              {errorFor(`workingHours.${d}`) && <p role="alert" className="text-red-700">{errorFor(`workingHours.${d}`)}</p>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
