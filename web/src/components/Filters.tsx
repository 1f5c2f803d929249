import { Button, Field, Label, Select } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useFilterParams } from './useFilterParams';

/** The filters above a list, grouped under one name, with a button to clear them once any is set. */
export function Filters({
  label,
  clearLabel,
  onClear,
  children,
}: {
  label: string;
  clearLabel?: string;
  /** Given while a filter is set. */
  onClear?: () => void;
  children: ReactNode;
}) {
  return (
    <div className="filters" role="group" aria-label={label}>
      {children}
      {onClear && (
        <Button variant="tertiary" onClick={onClear}>
          {clearLabel}
        </Button>
      )}
    </div>
  );
}

export interface FilterOption {
  value: string;
  label: string;
}

/** The two options of a yes/no filter; `yesNoParam` reads the choice back. */
export const yesNoOptions = (yes: string, no: string): FilterOption[] => [
  { value: 'yes', label: yes },
  { value: 'no', label: no },
];

/**
 * A choice of one filter value, kept in the address under `name`. `anyLabel` names the empty
 * value, no filter; without it the first option is the default, and choosing it clears the
 * parameter. A value in the address that is not among the options shows as the default.
 */
export function FilterSelect({
  name,
  label,
  anyLabel,
  options,
}: {
  name: string;
  label: string;
  anyLabel?: string;
  options: readonly FilterOption[];
}) {
  const { params, setParam } = useFilterParams();
  const fallback = anyLabel !== undefined ? '' : (options[0]?.value ?? '');
  const current = params.get(name) ?? '';
  const value = options.some((o) => o.value === current) ? current : fallback;
  return (
    <Field>
      <Label>{label}</Label>
      <Select value={value} onChange={(e) => setParam(name, e.target.value === fallback ? '' : e.target.value)} width="auto">
        {anyLabel !== undefined && <Select.Option value="">{anyLabel}</Select.Option>}
        {options.map((o) => (
          <Select.Option key={o.value} value={o.value}>
            {o.label}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}
