import { Field, Label, Select, Textfield } from '@digdir/designsystemet-react';
import formMessages from '../../components/formMessages';
import type { WorkingGroupKind, WorkingGroupStatus } from '../../gql/graphql';
import { useMessages } from '../../i18n/LanguageProvider';
import messages from '../messages';
import { GROUP_KINDS, GROUP_STATUSES } from './kinds';

export interface GroupValues {
  kind: WorkingGroupKind;
  name: string;
  purpose: string;
  status: WorkingGroupStatus;
  startsOn: string;
  endsOn: string;
}

export type GroupField = keyof GroupValues;

/** Local checks before the API sees the group. */
export function checkGroup(v: GroupValues, t: { nameMissing: string; endsBeforeStart: string; finishedNeedsEnd: string }) {
  const errors: Partial<Record<GroupField, string>> = {};
  if (!v.name.trim()) errors.name = t.nameMissing;
  if (v.startsOn && v.endsOn && v.endsOn < v.startsOn) errors.endsOn = t.endsBeforeStart;
  else if (v.status === 'FINISHED' && !v.endsOn) errors.endsOn = t.finishedNeedsEnd;
  return errors;
}

/** The group's own fields: kind, name, mandate, status and dates. */
export function GroupFields({
  idPrefix,
  values,
  onChange,
  errors,
}: {
  idPrefix: string;
  values: GroupValues;
  onChange: (values: GroupValues) => void;
  errors: Partial<Record<string, string>>;
}) {
  const t = useMessages(messages);
  const f = useMessages(formMessages);
  const set = <K extends GroupField>(key: K, v: GroupValues[K]) => onChange({ ...values, [key]: v });
  return (
    <>
      <div className="field-row">
        <Field>
          <Label>{t.kind}</Label>
          <Select id={`${idPrefix}-kind`} value={values.kind} onChange={(e) => set('kind', e.target.value as WorkingGroupKind)}>
            {GROUP_KINDS.map((k) => (
              <Select.Option key={k} value={k}>
                {t[`kind${k}`]}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label>{t.status}</Label>
          <Select
            id={`${idPrefix}-status`}
            value={values.status}
            onChange={(e) => set('status', e.target.value as WorkingGroupStatus)}
          >
            {GROUP_STATUSES.map((s) => (
              <Select.Option key={s} value={s}>
                {t[`status${s}`]}
              </Select.Option>
            ))}
          </Select>
        </Field>
      </div>
      <Textfield
        id={`${idPrefix}-name`}
        label={t.name}
        description={t.nameDescription}
        value={values.name}
        onChange={(e) => set('name', e.target.value)}
        error={errors.name}
        autoComplete="off"
        required
      />
      <Textfield
        id={`${idPrefix}-purpose`}
        label={`${t.purpose} ${f.optional}`}
        multiline
        rows={4}
        value={values.purpose}
        onChange={(e) => set('purpose', e.target.value)}
        error={errors.purpose}
      />
      <div className="field-row">
        <Textfield
          id={`${idPrefix}-starts`}
          label={`${t.startsOn} ${f.optional}`}
          type="date"
          value={values.startsOn}
          onChange={(e) => set('startsOn', e.target.value)}
          error={errors.startsOn}
        />
        <Textfield
          id={`${idPrefix}-ends`}
          label={`${t.endsOn} ${f.optional}`}
          type="date"
          value={values.endsOn}
          onChange={(e) => set('endsOn', e.target.value)}
          error={errors.endsOn}
        />
      </div>
    </>
  );
}
