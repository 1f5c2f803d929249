import { Button, Field, Heading, Label, Select, Textfield } from '@digdir/designsystemet-react';
import type { CombinedError } from '@urql/core';
import { useState, type FormEvent } from 'react';
import { FormConflict } from '../../components/EditConflict';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { isWebUrl, orNull, useServerErrors } from '../../components/formErrors';
import formMessages from '../../components/formMessages';
import type { PolicyDocumentKind } from '../../gql/graphql';
import { useMessages } from '../../i18n/LanguageProvider';
import { SakCodeField, useSakLookup } from '../../working_groups/components/SakCodeField';
import { DOCUMENT_KINDS } from '../kinds';
import messages from '../messages';

export interface DocumentValues {
  kind: PolicyDocumentKind;
  reference: string;
  title: string;
  ministry: string;
  url: string;
  summary: string;
  launchDate: string;
  launchText: string;
  followUpProposal: string;
  decision: string;
}

export const emptyDocument: DocumentValues = {
  kind: 'MELDING',
  reference: '',
  title: '',
  ministry: '',
  url: '',
  summary: '',
  launchDate: '',
  launchText: '',
  followUpProposal: '',
  decision: '',
};

export interface DocumentSubmit {
  values: DocumentValues;
  /** The sak the document was treated in: an id, null to clear, undefined when not looked up. */
  decidedInSakId: string | null | undefined;
}

type TextKey = Exclude<keyof DocumentValues, 'kind'>;

/** The form's values as the API takes them, for creating and for updating: empty text as null. */
export function documentInput(values: DocumentValues) {
  return {
    kind: values.kind,
    reference: orNull(values.reference),
    title: values.title.trim(),
    ministry: orNull(values.ministry),
    url: orNull(values.url),
    summary: orNull(values.summary),
    launchDate: values.launchDate || null,
    launchText: orNull(values.launchText),
    followUpProposal: orNull(values.followUpProposal),
    decision: orNull(values.decision),
  };
}

/** A policy document's fields; used to create and to edit (with CONFLICT resolution). */
export function DocumentForm({
  heading,
  initial,
  latest,
  decidedInSakCode,
  submitLabel,
  error,
  saving,
  conflict,
  onSubmit,
  onCancel,
}: {
  heading: string;
  initial: DocumentValues;
  latest?: DocumentValues;
  decidedInSakCode?: string | null;
  submitLabel: string;
  error?: CombinedError | null;
  saving: boolean;
  conflict?: { active: boolean; theirsLoaded: boolean; end: () => void };
  onSubmit: (submit: DocumentSubmit) => void;
  onCancel?: () => void;
}) {
  const t = useMessages(messages);
  const f = useMessages(formMessages);
  const [values, setValues] = useState(initial);
  const lookup = useSakLookup(decidedInSakCode ?? '');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const server = useServerErrors(error, { title: t.titleMissing, url: f.invalidUrl, decidedInSakId: t.documentNotFound });
  const errors: Record<string, string> = { ...server.fields, ...local };
  const set = (key: TextKey) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }));
  const id = (key: string) => `doc-${key}`;
  const labels: Record<keyof DocumentValues, string> = {
    kind: t.kind,
    reference: t.reference,
    title: t.title,
    ministry: t.ministry,
    url: t.url,
    summary: t.summary,
    launchDate: t.launchDate,
    launchText: t.launchText,
    followUpProposal: t.followUpProposal,
    decision: t.decision,
  };

  function submit(e?: FormEvent) {
    e?.preventDefault();
    const next: Record<string, string> = {};
    if (!values.title.trim()) next.title = t.titleMissing;
    if (values.url.trim() && !isWebUrl(values.url.trim())) next.url = f.invalidUrl;
    if (lookup.invalid) next.decidedInSakId = lookup.code ?? t.documentNotFound;
    setLocal(next);
    setAttempt((n) => n + 1);
    if (Object.keys(next).length > 0) return;
    const decidedInSakId = lookup.text.trim() === '' ? null : lookup.sak ? lookup.sak.id : undefined;
    onSubmit({ values, decidedInSakId });
  }

  const text = (key: TextKey, extra: { description?: string; multiline?: boolean; type?: 'date' | 'url'; required?: boolean } = {}) => (
    <Textfield
      id={id(key)}
      label={extra.required ? labels[key] : `${labels[key]} ${f.optional}`}
      description={extra.description}
      {...(extra.multiline ? { multiline: true as const, rows: 4 } : { type: extra.type })}
      value={values[key]}
      onChange={set(key)}
      error={errors[key]}
      autoComplete="off"
    />
  );

  return (
    <form className="stack form form--wide" onSubmit={submit} noValidate aria-labelledby="doc-form-h" data-testid="document-form">
      <Heading level={2} data-size="sm" id="doc-form-h">
        {heading}
      </Heading>
      <FormConflict
        conflict={conflict}
        latest={latest}
        saving={saving}
        fields={(saved) =>
          (Object.keys(labels) as (keyof DocumentValues)[]).map((k) => ({
            label: labels[k],
            mine: k === 'kind' ? t[`docKind${values.kind}`] : values[k],
            theirs: k === 'kind' ? t[`docKind${saved.kind}`] : saved[k],
          }))
        }
        onKeepMine={() => submit()}
        onTakeTheirs={setValues}
      />
      <FormErrorSummary
        errors={errors}
        fieldIds={Object.fromEntries(Object.keys(labels).map((k) => [k, id(k)]).concat([['decidedInSakId', 'doc-sak']]))}
        attempt={attempt}
        other={server.other}
      />
      <div className="field-row">
        <Field>
          <Label>{t.kind}</Label>
          <Select id={id('kind')} value={values.kind} onChange={(e) => setValues((v) => ({ ...v, kind: e.target.value as PolicyDocumentKind }))}>
            {DOCUMENT_KINDS.map((k) => (
              <Select.Option key={k} value={k}>
                {t[`docKind${k}`]}
              </Select.Option>
            ))}
          </Select>
        </Field>
        {text('reference', { description: t.referenceDescription })}
      </div>
      {text('title', { required: true })}
      <div className="field-row">
        {text('ministry')}
        {text('url', { type: 'url' })}
      </div>
      {text('summary', { multiline: true })}
      <div className="field-row">
        {text('launchDate', { type: 'date', description: t.launchDateDescription })}
        {text('launchText', { description: t.launchTextDescription })}
      </div>
      {text('followUpProposal', { multiline: true })}
      {text('decision', { multiline: true })}
      <SakCodeField id="doc-sak" lookup={lookup} error={errors.decidedInSakId} label={`${t.decidedIn} ${f.optional}`} />
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
