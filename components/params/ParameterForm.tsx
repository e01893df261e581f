'use client';

import type { ReactNode } from 'react';
import { PARAM_TYPES, type DateRange, type ParamDefinition, type ParamType } from '@/lib/params/types';

export interface ParameterFormProps {
  definitions: ParamDefinition[];
  values: Record<string, unknown>;
  onChange: (values: Record<string, unknown>, definitions: ParamDefinition[]) => void;
  /** Values offered for cluster pickers, from the catalog. */
  clusters: string[];
  /** First and last partition day in the catalog, to bound date pickers. */
  days: { min?: string; max?: string };
}

function isClusterParam(def: ParamDefinition): boolean {
  return /cluster/i.test(def.name);
}

function optionsFor(def: ParamDefinition, clusters: string[]): readonly string[] {
  if (def.options && def.options.length > 0) return def.options;
  return isClusterParam(def) ? clusters : [];
}

function asRange(value: unknown): DateRange {
  if (typeof value === 'object' && value !== null && 'start' in value && 'end' in value) {
    const range = value as { start: unknown; end: unknown };
    return { start: String(range.start ?? ''), end: String(range.end ?? '') };
  }
  return { start: '', end: '' };
}

function asList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

interface DateInputProps {
  label: string;
  days: ParameterFormProps['days'];
  value: string;
  onChange: (day: string) => void;
}

/** A date picker bounded by the catalog's first and last partition day. */
function DateInput({ label, days, value, onChange }: DateInputProps): ReactNode {
  return <input type="date" aria-label={label} min={days.min} max={days.max} value={value} onChange={(event) => onChange(event.target.value)} />;
}

/** The form above the results: one labelled control per `{{name}}` in the SQL. */
export function ParameterForm({ definitions, values, onChange, clusters, days }: ParameterFormProps): ReactNode {
  if (definitions.length === 0) return null;
  const set = (name: string, value: unknown): void => onChange({ ...values, [name]: value }, definitions);
  const retype = (name: string, type: ParamType): void =>
    onChange(
      { ...values, [name]: undefined },
      definitions.map((def) => (def.name === name ? { ...def, type } : def)),
    );

  return (
    <form className="params" aria-label="Parameters" onSubmit={(event) => event.preventDefault()}>
      {definitions.map((def) => {
        const label = def.label ?? def.name;
        const value = values[def.name] ?? def.default;
        const options = optionsFor(def, clusters);
        return (
          <fieldset key={def.name} className="param">
            <legend>{label}</legend>
            {def.type === 'date_range' ? (
              <>
                <DateInput label={`${label} from`} days={days} value={asRange(value).start} onChange={(start) => set(def.name, { ...asRange(value), start })} />
                <DateInput label={`${label} to`} days={days} value={asRange(value).end} onChange={(end) => set(def.name, { ...asRange(value), end })} />
              </>
            ) : def.type === 'date' ? (
              <DateInput label={label} days={days} value={typeof value === 'string' ? value : ''} onChange={(day) => set(def.name, day)} />
            ) : def.type === 'multi_select' ? (
              <select
                multiple
                aria-label={label}
                value={asList(value)}
                onChange={(event) =>
                  set(
                    def.name,
                    Array.from(event.target.selectedOptions, (option) => option.value),
                  )
                }
              >
                {options.map((option) => (
                  <option key={option}>{option}</option>
                ))}
              </select>
            ) : def.type === 'select' ? (
              <select aria-label={label} value={typeof value === 'string' ? value : ''} onChange={(event) => set(def.name, event.target.value)}>
                <option value="">(choose)</option>
                {options.map((option) => (
                  <option key={option}>{option}</option>
                ))}
              </select>
            ) : (
              <input
                type={def.type === 'number' ? 'number' : 'text'}
                aria-label={label}
                value={value === undefined || value === null ? '' : String(value)}
                onChange={(event) => set(def.name, event.target.value)}
              />
            )}
            <select
              className="param-type"
              aria-label={`Type of ${label}`}
              value={def.type}
              onChange={(event) => retype(def.name, event.target.value as ParamType)}
            >
              {PARAM_TYPES.map((type) => (
                <option key={type} value={type}>
                  {type.replace('_', ' ')}
                </option>
              ))}
            </select>
          </fieldset>
        );
      })}
    </form>
  );
}
