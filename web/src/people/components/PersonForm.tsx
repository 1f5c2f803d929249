import { Button, Heading, Textfield } from '@digdir/designsystemet-react';
import type { CombinedError } from '@urql/core';
import { useState, type FormEvent } from 'react';
import { FormConflict } from '../../components/EditConflict';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { orNull, useServerErrors } from '../../components/formErrors';
import formMessages from '../../components/formMessages';
import { useMessages } from '../../i18n/LanguageProvider';
import messages from '../messages';
import { OrganisationField, useOrganisationOptions } from './OrganisationField';

export interface PersonValues {
  name: string;
  title: string;
  email: string;
  phone: string;
  note: string;
}

export interface PersonFormSubmit {
  input: { name: string; title: string | null; email: string | null; phone: string | null; note: string | null };
  organisation: string;
  organisationTitle: string;
}

type Field = keyof PersonValues | 'organisation';

export const personValues = (p: Partial<Record<keyof PersonValues, string | null | undefined>>): PersonValues => ({
  name: p.name ?? '',
  title: p.title ?? '',
  email: p.email ?? '',
  phone: p.phone ?? '',
  note: p.note ?? '',
});

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * A person's details. Creating also asks for the organisation. What the user typed stays
 * when the API refuses it; a CONFLICT shows what someone else saved.
 */
export function PersonForm({
  idPrefix,
  initial,
  latest,
  withOrganisation = false,
  heading,
  submitLabel,
  error,
  saving,
  conflict,
  onSubmit,
  onCancel,
}: {
  idPrefix: string;
  initial: PersonValues;
  /** What is saved now, after a CONFLICT. */
  latest?: PersonValues;
  withOrganisation?: boolean;
  heading: string;
  submitLabel: string;
  error?: CombinedError | null;
  saving: boolean;
  conflict?: { active: boolean; theirsLoaded: boolean; end: () => void };
  onSubmit: (values: PersonFormSubmit) => void;
  onCancel?: () => void;
}) {
  const t = useMessages(messages);
  const f = useMessages(formMessages);
  const [values, setValues] = useState(initial);
  const [organisation, setOrganisation] = useState('');
  const [organisationTitle, setOrganisationTitle] = useState('');
  const [local, setLocal] = useState<Partial<Record<Field, string>>>({});
  const [attempt, setAttempt] = useState(0);
  const organisations = useOrganisationOptions();
  const server = useServerErrors(error, { name: t.nameMissing, email: t.emailTaken, phone: t.phoneInvalid });
  const errors: Partial<Record<string, string>> = { ...server.fields, ...local };
  const ids = {
    name: `${idPrefix}-name`,
    title: `${idPrefix}-title`,
    email: `${idPrefix}-email`,
    phone: `${idPrefix}-phone`,
    note: `${idPrefix}-note`,
    organisation: `${idPrefix}-organisation`,
  };
  const set = (field: keyof PersonValues) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: e.target.value }));

  function submit(e?: FormEvent) {
    e?.preventDefault();
    const next: Partial<Record<Field, string>> = {};
    if (!values.name.trim()) next.name = t.nameMissing;
    if (values.email.trim() && !EMAIL.test(values.email.trim())) next.email = f.invalidEmail;
    setLocal(next);
    setAttempt((n) => n + 1);
    if (Object.keys(next).length > 0) return;
    onSubmit({
      input: {
        name: values.name.trim(),
        title: orNull(values.title),
        email: orNull(values.email),
        phone: orNull(values.phone),
        note: orNull(values.note),
      },
      organisation: organisation.trim(),
      organisationTitle: organisationTitle.trim(),
    });
  }

  const labels: Record<keyof PersonValues, string> = {
    name: t.name,
    title: t.title,
    email: t.email,
    phone: t.phone,
    note: t.note,
  };

  return (
    <form className="stack form" onSubmit={submit} noValidate aria-labelledby={`${idPrefix}-h`}>
      <Heading level={2} data-size="sm" id={`${idPrefix}-h`}>
        {heading}
      </Heading>
      <FormConflict
        conflict={conflict}
        latest={latest}
        saving={saving}
        fields={(saved) => (Object.keys(labels) as (keyof PersonValues)[]).map((k) => ({ label: labels[k], mine: values[k], theirs: saved[k] }))}
        onKeepMine={() => submit()}
        onTakeTheirs={setValues}
      />
      <FormErrorSummary errors={errors} fieldIds={ids} attempt={attempt} other={server.other} />
      <Textfield id={ids.name} label={t.name} value={values.name} onChange={set('name')} error={errors.name} required autoComplete="off" />
      <Textfield id={ids.title} label={t.title} value={values.title} onChange={set('title')} error={errors.title} autoComplete="off" />
      <Textfield
        id={ids.email}
        label={t.email}
        type="email"
        value={values.email}
        onChange={set('email')}
        error={errors.email}
        autoComplete="off"
      />
      <Textfield id={ids.phone} label={t.phone} type="tel" value={values.phone} onChange={set('phone')} error={errors.phone} autoComplete="off" />
      {withOrganisation && (
        <>
          <OrganisationField
            id={ids.organisation}
            label={`${t.organisation} ${f.optional}`}
            description={t.organisationDescription}
            value={organisation}
            onChange={setOrganisation}
            error={errors.organisation}
            options={organisations}
          />
          {organisation.trim() && (
            <Textfield
              label={`${t.organisationTitle} ${f.optional}`}
              value={organisationTitle}
              onChange={(e) => setOrganisationTitle(e.target.value)}
              autoComplete="off"
            />
          )}
        </>
      )}
      <Textfield
        id={ids.note}
        label={t.note}
        description={t.noteDescription}
        multiline
        rows={3}
        value={values.note}
        onChange={set('note')}
        error={errors.note}
      />
      <div className="button-row">
        <Button type="submit" loading={saving} disabled={saving}>
          {saving ? f.saving : submitLabel}
        </Button>
        {onCancel && (
          <Button type="button" variant="secondary" onClick={onCancel}>
            {f.cancel}
          </Button>
        )}
      </div>
    </form>
  );
}
