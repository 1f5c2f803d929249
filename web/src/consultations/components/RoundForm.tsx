import { Button, Checkbox, Field, Heading, Label, Select, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { errorCodes } from '../../api/errors';
import { FormConflict } from '../../components/EditConflict';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { isWebUrl, orNull, useServerErrors } from '../../components/formErrors';
import formMessages from '../../components/formMessages';
import { useConflict } from '../../components/useConflict';
import { graphql } from '../../gql';
import type { ConsultationKind, ResponseStatus, RoundForm_RoundFragment } from '../../gql/graphql';
import { useMessages } from '../../i18n/LanguageProvider';
import { RESPONSE_STATUSES, ROUND_KINDS } from '../kinds';
import messages from '../messages';

const RoundGroupOptionsQuery = graphql(`
  query RoundGroupOptions {
    workingGroups(first: 100) {
      edges {
        node {
          id
          name
          status
        }
      }
    }
  }
`);

export const RoundFormFragment = graphql(`
  fragment RoundForm_Round on ConsultationRound {
    id
    kind
    opensOn
    deadline
    deadlineText
    responseStatus
    sentOn
    responseUrl
    note
    withdrawn
    version
    workingGroup {
      id
    }
  }
`);

const AddRoundMutation = graphql(`
  mutation AddConsultationRound($input: AddConsultationRoundInput!) {
    addConsultationRound(input: $input) {
      id
      ...RoundSummary_Round
      ...RoundForm_Round
    }
  }
`);

const UpdateRoundMutation = graphql(`
  mutation UpdateConsultationRound($input: UpdateConsultationRoundInput!) {
    updateConsultationRound(input: $input) {
      id
      ...RoundSummary_Round
      ...RoundForm_Round
    }
  }
`);

interface Values {
  kind: ConsultationKind;
  opensOn: string;
  deadline: string;
  deadlineText: string;
  responseStatus: ResponseStatus;
  sentOn: string;
  responseUrl: string;
  note: string;
  workingGroupId: string;
  withdrawn: boolean;
}

const valuesOf = (r: RoundForm_RoundFragment | null): Values => ({
  kind: r?.kind ?? 'HOERING',
  opensOn: r?.opensOn ?? '',
  deadline: r?.deadline ?? '',
  deadlineText: r?.deadlineText ?? '',
  responseStatus: r?.responseStatus ?? 'CONSIDERING',
  sentOn: r?.sentOn ?? '',
  responseUrl: r?.responseUrl ?? '',
  note: r?.note ?? '',
  workingGroupId: r?.workingGroup?.id ?? '',
  withdrawn: r?.withdrawn ?? false,
});

/** A round of innspill or høring: its deadline, the council's response and who answers. */
export function RoundForm({
  documentId,
  round,
  fetchLatest,
  onDone,
  onCancel,
}: {
  documentId: string;
  round: RoundForm_RoundFragment | null;
  fetchLatest: () => Promise<unknown>;
  onDone: () => void;
  onCancel: () => void;
}) {
  const t = useMessages(messages);
  const f = useMessages(formMessages);
  const [{ data: groups }] = useQuery({ query: RoundGroupOptionsQuery });
  const [values, setValues] = useState(() => valuesOf(round));
  const [local, setLocal] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const [added, add] = useMutation(AddRoundMutation);
  const [updated, update] = useMutation(UpdateRoundMutation);
  const result = round ? updated : added;
  const conflict = useConflict(fetchLatest);
  const server = useServerErrors(result.error, {
    sentOn: t.sentOnOnlyWhenSent,
    responseUrl: f.invalidUrl,
    deadline: f.invalidDate,
    opensOn: f.invalidDate,
  });
  const errors: Record<string, string> = { ...server.fields, ...local };
  const prefix = round ? `round-${round.id}` : 'round-new';
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const set = (key: keyof Values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }));
  const roundName = round ? t[`kind${round.kind}`].toLowerCase() : '';

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    const next: Record<string, string> = {};
    if (values.responseUrl.trim() && !isWebUrl(values.responseUrl.trim())) next.responseUrl = f.invalidUrl;
    if (values.sentOn && values.responseStatus !== 'SENT') next.sentOn = t.sentOnOnlyWhenSent;
    if (values.opensOn && values.deadline && values.deadline < values.opensOn) next.deadline = f.dateOrder;
    setLocal(next);
    setAttempt((n) => n + 1);
    if (Object.keys(next).length > 0) return;
    const common = {
      kind: values.kind,
      opensOn: values.opensOn || null,
      deadline: values.deadline || null,
      deadlineText: orNull(values.deadlineText),
      responseStatus: values.responseStatus,
      sentOn: values.responseStatus === 'SENT' ? values.sentOn || null : null,
      responseUrl: orNull(values.responseUrl),
      note: orNull(values.note),
      workingGroupId: values.workingGroupId || null,
    };
    const response = round
      ? await update({ input: { id: round.id, version: round.version, ...common, withdrawn: values.withdrawn } })
      : await add({ input: { policyDocumentId: documentId, ...common } });
    if (!response.error) {
      conflict.end();
      onDone();
    } else if (errorCodes(response.error).has('CONFLICT')) {
      void conflict.begin();
    }
  }

  const latest = round ? valuesOf(round) : null;
  const groupName = (id: string) => groups?.workingGroups.edges.find((e) => e.node.id === id)?.node.name ?? '';
  const ids = {
    deadline: `${prefix}-deadline`,
    opensOn: `${prefix}-opens`,
    sentOn: `${prefix}-sent`,
    responseUrl: `${prefix}-url`,
    deadlineText: `${prefix}-deadline-text`,
    workingGroupId: `${prefix}-group`,
    responseStatus: `${prefix}-status`,
  };

  return (
    <form className="stack form" onSubmit={submit} noValidate aria-labelledby={`${prefix}-h`} data-testid="round-form">
      <Heading level={3} data-size="xs" id={`${prefix}-h`} ref={heading} tabIndex={-1}>
        {round ? t.editRoundHeading(roundName) : t.addRoundHeading}
      </Heading>
      <FormConflict
        conflict={conflict}
        latest={latest}
        saving={result.fetching}
        fields={(saved) => [
          { label: t.roundKind, mine: t[`kind${values.kind}`], theirs: t[`kind${saved.kind}`] },
          { label: t.opensOn, mine: values.opensOn, theirs: saved.opensOn },
          { label: t.deadlineDate, mine: values.deadline, theirs: saved.deadline },
          { label: t.deadlineText, mine: values.deadlineText, theirs: saved.deadlineText },
          { label: t.responseStatus, mine: t[`status${values.responseStatus}`], theirs: t[`status${saved.responseStatus}`] },
          { label: t.sentOnLabel, mine: values.sentOn, theirs: saved.sentOn },
          { label: t.responseUrl, mine: values.responseUrl, theirs: saved.responseUrl },
          { label: t.workingGroup, mine: groupName(values.workingGroupId), theirs: groupName(saved.workingGroupId) },
          { label: t.note, mine: values.note, theirs: saved.note },
        ]}
        onKeepMine={() => submit()}
        onTakeTheirs={setValues}
      />
      <FormErrorSummary errors={errors} fieldIds={ids} attempt={attempt} other={server.other} />
      <div className="field-row">
        <Field>
          <Label>{t.roundKind}</Label>
          <Select value={values.kind} onChange={(e) => setValues((v) => ({ ...v, kind: e.target.value as ConsultationKind }))}>
            {ROUND_KINDS.map((k) => (
              <Select.Option key={k} value={k}>
                {t[`kind${k}`]}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label>{t.responseStatus}</Label>
          <Select
            id={ids.responseStatus}
            value={values.responseStatus}
            onChange={(e) => setValues((v) => ({ ...v, responseStatus: e.target.value as ResponseStatus }))}
          >
            {RESPONSE_STATUSES.map((s) => (
              <Select.Option key={s} value={s}>
                {t[`status${s}`]}
              </Select.Option>
            ))}
          </Select>
        </Field>
      </div>
      <div className="field-row">
        <Textfield id={ids.opensOn} label={`${t.opensOn} ${f.optional}`} description={t.opensOnDescription} type="date" value={values.opensOn} onChange={set('opensOn')} error={errors.opensOn} />
        <Textfield id={ids.deadline} label={t.deadlineDate} type="date" value={values.deadline} onChange={set('deadline')} error={errors.deadline} />
      </div>
      <Textfield
        id={ids.deadlineText}
        label={`${t.deadlineText} ${f.optional}`}
        description={t.deadlineTextDescription}
        value={values.deadlineText}
        onChange={set('deadlineText')}
        error={errors.deadlineText}
        autoComplete="off"
      />
      {values.responseStatus === 'SENT' && (
        <div className="field-row">
          <Textfield id={ids.sentOn} label={t.sentOnLabel} type="date" value={values.sentOn} onChange={set('sentOn')} error={errors.sentOn} />
          <Textfield
            id={ids.responseUrl}
            label={`${t.responseUrl} ${f.optional}`}
            type="url"
            value={values.responseUrl}
            onChange={set('responseUrl')}
            error={errors.responseUrl}
          />
        </div>
      )}
      <Field>
        <Label>{t.workingGroup}</Label>
        <Select id={ids.workingGroupId} value={values.workingGroupId} onChange={set('workingGroupId')}>
          <Select.Option value="">{t.noWorkingGroup}</Select.Option>
          {groups?.workingGroups.edges.map((e) => (
            <Select.Option key={e.node.id} value={e.node.id}>
              {e.node.name}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Textfield label={`${t.note} ${f.optional}`} multiline rows={2} value={values.note} onChange={set('note')} error={errors.note} />
      {round && (
        <Checkbox label={t.withdrawnLabel} checked={values.withdrawn} onChange={(e) => setValues((v) => ({ ...v, withdrawn: e.target.checked }))} />
      )}
      <div className="button-row">
        <Button type="submit" loading={result.fetching} disabled={result.fetching}>
          {result.fetching ? f.saving : f.save}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {f.cancel}
        </Button>
      </div>
    </form>
  );
}
