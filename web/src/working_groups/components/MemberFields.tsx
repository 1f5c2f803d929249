import { Field, Label, Select, Textfield } from '@digdir/designsystemet-react';
import formMessages from '../../components/formMessages';
import type { WorkingGroupMemberInput, WorkingGroupRole } from '../../gql/graphql';
import { useMessages } from '../../i18n/LanguageProvider';
import { PersonSelect, type PersonOption } from '../../people/components/PersonSelect';
import messages from '../messages';
import { GROUP_ROLES } from './kinds';

export interface MemberValues {
  personId: string;
  placeholder: string;
  role: WorkingGroupRole;
  startsOn: string;
  note: string;
}

export const emptyMember = (role: WorkingGroupRole = 'MEMBER'): MemberValues => ({
  personId: '',
  placeholder: '',
  role,
  startsOn: '',
  note: '',
});

export const memberInput = (m: MemberValues): WorkingGroupMemberInput => ({
  personId: m.personId || null,
  placeholder: m.personId ? null : m.placeholder.trim() || null,
  role: m.role,
  startsOn: m.startsOn || null,
  note: m.note.trim() || null,
});

export const isBlankMember = (m: MemberValues) => !m.personId && !m.placeholder.trim();

/** Who joins a group: a person from the register or a placeholder ("en fra KS"), with a role. */
export function MemberFields({
  idPrefix,
  value,
  onChange,
  people,
  error,
  withStart = true,
}: {
  idPrefix: string;
  value: MemberValues;
  onChange: (value: MemberValues) => void;
  people: PersonOption[];
  error?: string;
  withStart?: boolean;
}) {
  const t = useMessages(messages);
  const f = useMessages(formMessages);
  const set = <K extends keyof MemberValues>(key: K, v: MemberValues[K]) => onChange({ ...value, [key]: v });
  return (
    <>
      <PersonSelect
        id={`${idPrefix}-person`}
        label={t.person}
        value={value.personId}
        onChange={(id) => set('personId', id)}
        options={people}
        emptyLabel={t.noPerson}
        error={error}
      />
      {!value.personId && (
        <Textfield
          id={`${idPrefix}-placeholder`}
          label={t.placeholderLabel}
          description={t.placeholderDescription}
          value={value.placeholder}
          onChange={(e) => set('placeholder', e.target.value)}
          autoComplete="off"
        />
      )}
      <Field>
        <Label>{t.role}</Label>
        <Select id={`${idPrefix}-role`} value={value.role} onChange={(e) => set('role', e.target.value as WorkingGroupRole)}>
          {GROUP_ROLES.map((r) => (
            <Select.Option key={r} value={r}>
              {t[`role${r}`]}
            </Select.Option>
          ))}
        </Select>
      </Field>
      {withStart && (
        <Textfield
          id={`${idPrefix}-starts`}
          label={`${t.startsOn} ${f.optional}`}
          type="date"
          value={value.startsOn}
          onChange={(e) => set('startsOn', e.target.value)}
        />
      )}
    </>
  );
}
