// The saksfremlegg form: what the papers print for a sak. Saving sends the version the form
// started from; if someone saved first, the user's text stays and the conflict is explained.
import { Alert, Button, Checkbox, Field, Fieldset, Heading, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useCallback, useState, type FormEvent } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { EditConflict, type ConflictField } from '../../components/EditConflict';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { orNull, useServerErrors } from '../../components/formErrors';
import { useConflict } from '../../components/useConflict';
import { FailureAlert } from '../../components/states';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import type { SakForm_SakFragment, SakStatus, SakType } from '../../gql/graphql';
import { useMessages } from '../../i18n/LanguageProvider';
import meetingMessages from '../../meetings/messages';
import { useCouncilNames } from '../../people/useCouncilNames';
import messages from '../messages';

export const SakFormFragment = graphql(`
  fragment SakForm_Sak on Sak {
    id
    code
    version
    title
    types
    status
    toText
    fromText
    from {
      id
      name
    }
    caseOfficers {
      id
      name
    }
    background
    reason
    keyPoints
    proposedVedtak
  }
`);

const LatestSakQuery = graphql(`
  query LatestSak($id: ID!) {
    sak(id: $id) {
      id
      ...SakForm_Sak
    }
  }
`);

const SecretariatPeopleQuery = graphql(`
  query SecretariatPeople {
    people(role: SECRETARIAT, first: 100) {
      nodes {
        id
        name
        title
      }
    }
  }
`);

const UpdateSakMutation = graphql(`
  mutation UpdateSakPaper($input: UpdateSakInput!) {
    updateSak(input: $input) {
      sak {
        id
        ...SakForm_Sak
        ...SakPaper_Sak
      }
      warnings {
        code
        message
      }
    }
  }
`);

const SetCaseOfficersMutation = graphql(`
  mutation SetCaseOfficers($sakId: ID!, $personIds: [ID!]!) {
    setCaseOfficers(sakId: $sakId, personIds: $personIds) {
      id
      ...SakForm_Sak
    }
  }
`);

const TYPES: SakType[] = ['VEDTAK', 'DISKUSJON', 'ORIENTERING'];
const STATUSES: SakStatus[] = ['DRAFT', 'READY', 'TREATED', 'WITHDRAWN'];

interface Draft {
  title: string;
  types: SakType[];
  status: SakStatus;
  toText: string;
  fromPersonId: string;
  fromText: string;
  caseOfficers: string[];
  background: string;
  reason: string;
  keyPoints: string;
  proposedVedtak: string;
}

type TextField = 'title' | 'toText' | 'fromText' | 'background' | 'reason' | 'keyPoints' | 'proposedVedtak';

function draftOf(s: SakForm_SakFragment): Draft {
  return {
    title: s.title,
    types: [...s.types],
    status: s.status,
    toText: s.toText ?? '',
    fromPersonId: s.from?.id ?? '',
    fromText: s.fromText ?? '',
    caseOfficers: s.caseOfficers.map((p) => p.id),
    background: s.background ?? '',
    reason: s.reason ?? '',
    keyPoints: s.keyPoints ?? '',
    proposedVedtak: s.proposedVedtak ?? '',
  };
}

export function SakForm({ sak: masked, locked }: { sak: FragmentType<typeof SakFormFragment>; locked: boolean }) {
  const t = useMessages(messages);
  const council = useCouncilNames();
  const mt = useMessages(meetingMessages);
  const client = useClient();
  const sak = getFragmentData(SakFormFragment, masked);
  const [draft, setDraft] = useState<Draft>(() => draftOf(sak));
  const [version, setVersion] = useState(sak.version);
  const [theirs, setTheirs] = useState<SakForm_SakFragment | null>(null);
  const [local, setLocal] = useState<Partial<Record<'title', string>>>({});
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState<string[] | null>(null);
  const [result, update] = useMutation(UpdateSakMutation);
  const [officersResult, setOfficers] = useMutation(SetCaseOfficersMutation);
  const [people] = useQuery({ query: SecretariatPeopleQuery });
  const staff = people.data?.people.nodes ?? [];

  const fetchLatest = useCallback(async () => {
    const latest = await client.query(LatestSakQuery, { id: sak.id }, { requestPolicy: 'network-only' }).toPromise();
    const s = latest.data?.sak;
    setTheirs(s ? getFragmentData(SakFormFragment, s) : null);
  }, [client, sak.id]);
  const conflict = useConflict(fetchLatest);
  const server = useServerErrors(result.error, {
    title: t.titleMissing,
    types: t.typesInvalid,
    toText: t.tooLong,
    fromText: t.tooLong,
    background: t.tooLong,
    reason: t.tooLong,
    keyPoints: t.tooLong,
    proposedVedtak: t.tooLong,
  });
  const errors: Record<string, string | undefined> = { ...server.fields, ...local };

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setSaved(null);
    setDraft((d) => ({ ...d, [key]: value }));
  };

  async function save(withVersion: number) {
    setSaved(null);
    const response = await update({
      input: {
        id: sak.id,
        version: withVersion,
        title: draft.title.trim(),
        types: TYPES.filter((x) => draft.types.includes(x)),
        status: draft.status,
        toText: orNull(draft.toText),
        fromPersonId: draft.fromPersonId || null,
        fromText: orNull(draft.fromText),
        background: orNull(draft.background),
        reason: orNull(draft.reason),
        keyPoints: orNull(draft.keyPoints),
        proposedVedtak: orNull(draft.proposedVedtak),
      },
    });
    if (response.error) {
      if (response.error.graphQLErrors.some((e) => e.extensions.code === 'CONFLICT')) void conflict.begin();
      return;
    }
    const after = response.data?.updateSak;
    if (!after) return;
    const now = getFragmentData(SakFormFragment, after.sak);
    let latestVersion = now.version;
    const officersBefore = now.caseOfficers.map((p) => p.id).join(',');
    if (officersBefore !== draft.caseOfficers.join(',')) {
      const o = await setOfficers({ sakId: sak.id, personIds: draft.caseOfficers });
      if (o.data) latestVersion = getFragmentData(SakFormFragment, o.data.setCaseOfficers).version;
    }
    setVersion(latestVersion);
    conflict.end();
    setTheirs(null);
    // Time-slot warnings are shown where slots are set: in the agenda builder.
    setSaved(after.warnings.filter((w) => !w.code.startsWith('TIME_SLOT')).map((w) => mt[`warning${w.code}`]));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const next: Partial<Record<'title', string>> = {};
    if (!draft.title.trim()) next.title = t.titleMissing;
    setLocal(next);
    setAttempt((n) => n + 1);
    if (Object.keys(next).length > 0) return;
    await save(version);
  }

  const labels: Record<TextField, string> = {
    title: t.title,
    toText: t.to,
    fromText: t.fromText,
    background: t.background,
    reason: t.reason,
    keyPoints: t.keyPoints,
    proposedVedtak: t.proposedVedtak,
  };
  const conflictFields: ConflictField[] = theirs
    ? (Object.keys(labels) as TextField[]).map((f) => ({
        label: labels[f],
        mine: draft[f],
        theirs: draftOf(theirs)[f],
      }))
    : [];
  const ids: Record<string, string> = { title: 'sak-title', types: 'sak-type-VEDTAK' };
  const textarea = (field: Exclude<TextField, 'title' | 'toText' | 'fromText'>, hint?: string, rows = 6) => (
    <Textfield
      id={`sak-${field}`}
      multiline
      rows={rows}
      label={labels[field]}
      description={hint}
      value={draft[field]}
      onChange={(e) => set(field, e.target.value)}
      error={errors[field]}
      readOnly={locked}
    />
  );

  return (
    <form className="stack sak-form" onSubmit={submit} noValidate aria-labelledby="sak-form-h" data-testid="sak-form">
      <Heading level={2} data-size="sm" id="sak-form-h">
        {t.paperHeading}
      </Heading>
      <FormErrorSummary errors={errors} fieldIds={ids} attempt={attempt} />
      {conflict.active && (
        <EditConflict
          fields={conflictFields}
          theirsLoaded={conflict.theirsLoaded && theirs !== null}
          saving={result.fetching}
          onKeepMine={() => theirs && void save(theirs.version)}
          onTakeTheirs={() => {
            if (!theirs) return;
            setDraft(draftOf(theirs));
            setVersion(theirs.version);
            setTheirs(null);
            conflict.end();
          }}
        />
      )}
      <Textfield id="sak-title" label={t.title} value={draft.title} onChange={(e) => set('title', e.target.value)} error={errors.title} required readOnly={locked} />
      <Fieldset>
        <Fieldset.Legend>{t.types}</Fieldset.Legend>
        <Fieldset.Description>{t.typesHint}</Fieldset.Description>
        <div className="inline-options">
          {TYPES.map((type) => (
            <Checkbox
              key={type}
              id={`sak-type-${type}`}
              label={mt[`type${type}`]}
              checked={draft.types.includes(type)}
              onChange={(e) => set('types', e.target.checked ? [...draft.types, type] : draft.types.filter((x) => x !== type))}
              disabled={locked}
            />
          ))}
        </div>
      </Fieldset>
      <div className="form-row">
        <Textfield id="sak-toText" label={t.to} description={t.toHint(council?.shortName ?? null)} value={draft.toText} onChange={(e) => set('toText', e.target.value)} error={errors.toText} readOnly={locked} />
        <Field>
          <Label>{t.status}</Label>
          <Select value={draft.status} onChange={(e) => set('status', e.target.value as SakStatus)} disabled={locked}>
            {STATUSES.map((s) => (
              <Select.Option key={s} value={s}>
                {t[`status${s}`]}
              </Select.Option>
            ))}
          </Select>
        </Field>
      </div>
      <div className="form-row">
        <Field>
          <Label>{t.fromPerson}</Label>
          <Select value={draft.fromPersonId} onChange={(e) => set('fromPersonId', e.target.value)} disabled={locked}>
            <Select.Option value="">{t.nobody}</Select.Option>
            {staff.map((p) => (
              <Select.Option key={p.id} value={p.id}>
                {p.title ? `${p.name}, ${p.title}` : p.name}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Textfield id="sak-fromText" label={t.fromText} description={t.fromTextHint} value={draft.fromText} onChange={(e) => set('fromText', e.target.value)} error={errors.fromText} readOnly={locked} />
      </div>
      <Fieldset>
        <Fieldset.Legend>{t.caseOfficers}</Fieldset.Legend>
        <Fieldset.Description>{t.caseOfficersHint}</Fieldset.Description>
        {staff.length === 0 ? (
          <Paragraph className="muted">{people.fetching ? t.loadingPeople : t.noStaff}</Paragraph>
        ) : (
          <div className="inline-options inline-options--wrap">
            {staff.map((p) => (
              <Checkbox
                key={p.id}
                label={p.name}
                checked={draft.caseOfficers.includes(p.id)}
                onChange={(e) =>
                  set('caseOfficers', e.target.checked ? [...draft.caseOfficers, p.id] : draft.caseOfficers.filter((x) => x !== p.id))
                }
                disabled={locked}
              />
            ))}
          </div>
        )}
      </Fieldset>
      {textarea('background')}
      {textarea('reason', undefined, 4)}
      {textarea('keyPoints')}
      {textarea('proposedVedtak', t.proposedVedtakHint, 4)}
      {server.other && <FailureAlert>{server.other}</FailureAlert>}
      {officersResult.error && <FailureAlert>{t.officersFailed}</FailureAlert>}
      <div aria-live="polite">
        {saved && (
          <Alert data-color={saved.length > 0 ? 'warning' : 'success'} data-testid="sak-saved">
            <Paragraph>{[t.savedText, ...saved].join(' ')}</Paragraph>
          </Alert>
        )}
      </div>
      {!locked && (
        <div className="button-row">
          <Button type="submit" loading={result.fetching} disabled={result.fetching}>
            {t.save}
          </Button>
        </div>
      )}
    </form>
  );
}
