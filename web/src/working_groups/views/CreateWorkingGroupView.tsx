import { Button, Field, Fieldset, Heading, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { orNull, useServerErrors } from '../../components/formErrors';
import formMessages from '../../components/formMessages';
import { usePageTitle } from '../../components/usePageTitle';
import consultationMessages from '../../consultations/messages';
import { graphql } from '../../gql';
import { formatNumericDate } from '../../i18n/format';
import { useLang, useMessages } from '../../i18n/LanguageProvider';
import { usePersonOptions } from '../../people/components/PersonSelect';
import { documentLabel, useDocumentOptions } from '../components/DocumentOptions';
import { checkGroup, GroupFields, type GroupValues } from '../components/GroupFields';
import { emptyMember, isBlankMember, MemberFields, memberInput, type MemberValues } from '../components/MemberFields';
import { SakCodeField, useSakLookup } from '../components/SakCodeField';
import messages from '../messages';
import { workingGroupUrl } from '../urls';

const CreateWorkingGroupMutation = graphql(`
  mutation CreateWorkingGroup($input: CreateWorkingGroupInput!) {
    createWorkingGroup(input: $input) {
      id
      name
    }
  }
`);

/** Sets a group up from a vedtak: the sak, the group's fields, what it answers, its members. */
export default function CreateWorkingGroupView() {
  const t = useMessages(messages);
  const c = useMessages(consultationMessages);
  const f = useMessages(formMessages);
  const { lang } = useLang();
  usePageTitle(t.createTitle);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const lookup = useSakLookup(params.get('sak') ?? '');
  const documents = useDocumentOptions();
  const { options: people } = usePersonOptions();
  const [values, setValues] = useState<GroupValues>({
    kind: 'ARBEIDSGRUPPE',
    name: '',
    purpose: '',
    status: 'PROPOSED',
    startsOn: '',
    endsOn: '',
  });
  const [documentId, setDocumentId] = useState(params.get('document') ?? '');
  const [roundId, setRoundId] = useState(params.get('round') ?? '');
  const [members, setMembers] = useState<MemberValues[]>([emptyMember('LEADER'), emptyMember()]);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const [result, create] = useMutation(CreateWorkingGroupMutation);
  const server = useServerErrors(result.error, {
    name: t.nameMissing,
    establishedBySakId: t.sakInvalid,
    members: t.memberMissing,
    personId: t.memberMissing,
    placeholder: t.memberMissing,
  });
  const errors: Record<string, string> = { ...server.fields, ...local };
  // Round chosen from an address may belong to a document not chosen yet: find it.
  const document = documents.find((d) => d.id === documentId) ?? documents.find((d) => d.consultationRounds.some((r) => r.id === roundId));
  const rounds = document?.consultationRounds ?? [];
  const ids = {
    establishedBySakId: 'group-sak',
    name: 'group-name',
    endsOn: 'group-ends',
    startsOn: 'group-starts',
    purpose: 'group-purpose',
    members: 'member-0-person',
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const next: Record<string, string> = { ...checkGroup(values, t) } as Record<string, string>;
    if (lookup.code && !lookup.sak) next.establishedBySakId = lookup.code ? t.sakNotFound(lookup.code) : t.sakInvalid;
    if (lookup.invalid) next.establishedBySakId = t.sakInvalid;
    setLocal(next);
    setAttempt((n) => n + 1);
    if (Object.keys(next).length > 0) return;
    const response = await create({
      input: {
        kind: values.kind,
        name: values.name.trim(),
        purpose: orNull(values.purpose),
        status: values.status,
        startsOn: values.startsOn || null,
        endsOn: values.endsOn || null,
        establishedBySakId: lookup.sak?.id ?? null,
        policyDocumentId: document?.id ?? null,
        consultationRoundId: rounds.some((r) => r.id === roundId) ? roundId : null,
        members: members.filter((m) => !isBlankMember(m)).map(memberInput),
      },
    });
    const group = response.data?.createWorkingGroup;
    if (group) navigate(workingGroupUrl(group.id), { state: { notice: t.created(group.name) } });
  }

  return (
    <>
      <Heading level={1} data-size="lg">
        {t.createTitle}
      </Heading>
      <Paragraph>{t.createIntro}</Paragraph>
      <form className="stack form form--wide" onSubmit={submit} noValidate aria-label={t.createTitle}>
        <FormErrorSummary errors={errors} fieldIds={ids} attempt={attempt} />
        {server.other && <Paragraph className="form-error">{server.other}</Paragraph>}
        <SakCodeField id={ids.establishedBySakId} lookup={lookup} error={errors.establishedBySakId} />
        <GroupFields idPrefix="group" values={values} onChange={setValues} errors={errors} />
        <div className="field-row">
          <Field>
            <Label>{`${t.documentLabel} ${f.optional}`}</Label>
            <Select
              id="group-document"
              value={document?.id ?? ''}
              onChange={(e) => {
                setDocumentId(e.target.value);
                setRoundId('');
              }}
            >
              <Select.Option value="">{t.noDocument}</Select.Option>
              {documents.map((d) => (
                <Select.Option key={d.id} value={d.id}>
                  {documentLabel(d)}
                </Select.Option>
              ))}
            </Select>
          </Field>
          {rounds.length > 0 && (
            <Field>
              <Label>{`${t.round} ${f.optional}`}</Label>
              <Select id="group-round" value={roundId} onChange={(e) => setRoundId(e.target.value)}>
                <Select.Option value="">{t.noRound}</Select.Option>
                {rounds.map((r) => (
                  <Select.Option key={r.id} value={r.id}>
                    {c[`kind${r.kind}`]}
                    {r.deadline ? ` – ${t.deadline} ${formatNumericDate(r.deadline, lang)}` : r.deadlineText ? ` – ${r.deadlineText}` : ''}
                  </Select.Option>
                ))}
              </Select>
            </Field>
          )}
        </div>
        <Fieldset>
          <Fieldset.Legend>{t.membersLabel}</Fieldset.Legend>
          <Fieldset.Description>{t.membersDescription}</Fieldset.Description>
          <div className="member-rows">
            {members.map((m, i) => (
              <div className="member-row" key={i} role="group" aria-label={t.rowLegend(i + 1)}>
                <MemberFields
                  idPrefix={`member-${i}`}
                  value={m}
                  onChange={(v) => setMembers((all) => all.map((x, j) => (j === i ? v : x)))}
                  people={people}
                  error={i === 0 ? errors.members : undefined}
                  withStart={false}
                />
                <Button
                  type="button"
                  variant="tertiary"
                  data-color="danger"
                  className="member-row__remove"
                  onClick={() => setMembers((all) => all.filter((_, j) => j !== i))}
                >
                  {t.removeRow(i + 1)}
                </Button>
              </div>
            ))}
          </div>
          <div>
            <Button type="button" variant="secondary" onClick={() => setMembers((all) => [...all, emptyMember()])}>
              {t.addRow}
            </Button>
          </div>
        </Fieldset>
        <div className="button-row">
          <Button type="submit" loading={result.fetching} disabled={result.fetching}>
            {result.fetching ? f.saving : t.create}
          </Button>
        </div>
      </form>
    </>
  );
}
