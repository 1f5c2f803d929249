import { Field, Label, Select } from '@digdir/designsystemet-react';

/** A labelled choice among a fixed list of values, each shown by its text. */
export function OptionSelect<V extends string>({
  label,
  value,
  options,
  text,
  onChange,
  width,
}: {
  label: string;
  value: V;
  options: readonly V[];
  text: (value: V) => string;
  onChange: (value: V) => void;
  width?: 'full' | 'auto';
}) {
  return (
    <Field>
      <Label>{label}</Label>
      <Select value={value} onChange={(e) => onChange(e.target.value as V)} width={width}>
        {options.map((v) => (
          <Select.Option key={v} value={v}>
            {text(v)}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}
