// Follow-up items from a sak's vedtak ("Rådet ber sekretariatet følge opp …"): who, by when,
// and closed as done or cancelled. Open ones come up under "Utestående fra forrige referat".
import { Button, Heading, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useDescribeError } from '../../api/errors';
import { DataTable } from '../../components/DataTable';
import { useServerErrors } from '../../components/formErrors';
import { FailureAlert } from '../../components/states';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import type { FollowUpStatus } from '../../gql/graphql';
import { formatNumericDate, todayInNorway } from '../../i18n/format';
import { useLang, useMessages } from '../../i18n/LanguageProvider';
import messages from '../messages';

export const FollowUpFragment = graphql(`
  fragment FollowUps_FollowUp on FollowUp {
    id
    description
    assigneeText
    assignee {
      id
      name
    }
    dueOn
    status
    closedAt
    closedNote
    version
  }
`);

const CreateFollowUpMutation = graphql(`
  mutation CreateFollowUp($input: CreateFollowUpInput!) {
    createFollowUp(input: $input) {
      id
      ...FollowUps_FollowUp
    }
  }
`);

const CloseFollowUpMutation = graphql(`
  mutation CloseFollowUp($id: ID!, $version: Int!, $status: FollowUpStatus!) {
    closeFollowUp(id: $id, version: $version, status: $status) {
      id
      ...FollowUps_FollowUp
    }
  }
`);

const STATUS_COLOR: Record<FollowUpStatus, string> = { OPEN: 'warning', DONE: 'success', CANCELLED: 'neutral' };

function NewFollowUp({ sakId }: { sakId: string }) {
  const t = useMessages(messages);
  const [description, setDescription] = useState('');
  const [assignee, setAssignee] = useState('');
  const [due, setDue] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [result, create] = useMutation(CreateFollowUpMutation);
  const server = useServerErrors(result.error, { description: t.followUpMissing, dueOn: t.dueInvalid, assigneeText: t.tooLong });
  const errors = { ...server.fields, ...local };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!description.trim()) next.description = t.followUpMissing;
    setLocal(next);
    if (Object.keys(next).length > 0) return;
    const response = await create(
      { input: { sakId, description: description.trim(), assigneeText: assignee.trim() || null, dueOn: due || null } },
      { additionalTypenames: ['FollowUp'] },
    );
    if (!response.error) {
      setDescription('');
      setAssignee('');
      setDue('');
    }
  }

  return (
    <form className="stack narrow" onSubmit={submit} noValidate aria-labelledby="new-followup-h" data-testid="new-follow-up">
      <Heading level={3} data-size="2xs" id="new-followup-h">
        {t.newFollowUp}
      </Heading>
      <Textfield multiline rows={2} label={t.followUpDescription} value={description} onChange={(e) => setDescription(e.target.value)} error={errors.description} />
      <div className="form-row">
        <Textfield label={t.assignee} description={t.assigneeHint} value={assignee} onChange={(e) => setAssignee(e.target.value)} error={errors.assigneeText} />
        <Textfield type="date" label={t.dueOn} value={due} min={todayInNorway()} onChange={(e) => setDue(e.target.value)} error={errors.dueOn} />
      </div>
      {server.other && <FailureAlert>{server.other}</FailureAlert>}
      <div>
        <Button type="submit" variant="secondary" loading={result.fetching}>
          {t.addFollowUp}
        </Button>
      </div>
    </form>
  );
}

// Named so that a refused close (someone else closed or changed it first) also refetches the
// list: the reader then sees its current state instead of retrying a stale version.
const refreshOnError = { additionalTypenames: ['FollowUp'] };

export function FollowUps({
  sakId,
  followUps: masked,
  editable,
}: {
  sakId: string;
  followUps: FragmentType<typeof FollowUpFragment>[];
  editable: boolean;
}) {
  const t = useMessages(messages);
  const { lang } = useLang();
  const describe = useDescribeError();
  const [closeResult, close] = useMutation(CloseFollowUpMutation);
  const items = masked.map((f) => getFragmentData(FollowUpFragment, f));
  const today = todayInNorway();

  return (
    <section aria-labelledby="followups-h" className="stack" data-testid="follow-ups">
      <Heading level={2} data-size="sm" id="followups-h">
        {t.followUps}
      </Heading>
      {items.length === 0 ? (
        <Paragraph className="muted">{t.noFollowUps}</Paragraph>
      ) : (
        <DataTable
          zebra={false}
          caption={t.followUps}
          columns={[t.followUpDescription, t.assignee, t.dueOn, t.status, editable && t.actions]}
        >
          {items.map((f) => (
            <Table.Row key={f.id}>
              <Table.Cell>{f.description}</Table.Cell>
              <Table.Cell>{f.assignee?.name ?? f.assigneeText ?? '–'}</Table.Cell>
              <Table.Cell className="nowrap">
                {f.dueOn ? formatNumericDate(f.dueOn, lang) : '–'}
                {f.status === 'OPEN' && f.dueOn && f.dueOn < today && (
                  <Tag data-color="danger" data-size="sm">
                    {t.overdue}
                  </Tag>
                )}
              </Table.Cell>
              <Table.Cell>
                <Tag data-color={STATUS_COLOR[f.status]} data-size="sm">
                  {t[`followUp${f.status}`]}
                </Tag>
              </Table.Cell>
              {editable && (
                <Table.Cell>
                  {f.status === 'OPEN' && (
                    <div className="button-row button-row--tight">
                      <Button data-size="sm" variant="secondary" onClick={() => close({ id: f.id, version: f.version, status: 'DONE' }, refreshOnError)} aria-label={t.markDoneLabel(f.description)}>
                        {t.markDone}
                      </Button>
                      <Button data-size="sm" variant="tertiary" onClick={() => close({ id: f.id, version: f.version, status: 'CANCELLED' }, refreshOnError)} aria-label={t.markCancelledLabel(f.description)}>
                        {t.markCancelled}
                      </Button>
                    </div>
                  )}
                </Table.Cell>
              )}
            </Table.Row>
          ))}
        </DataTable>
      )}
      {closeResult.error && <FailureAlert>{describe(closeResult.error)}</FailureAlert>}
      {editable && <NewFollowUp sakId={sakId} />}
    </section>
  );
}
