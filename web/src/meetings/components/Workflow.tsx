// The meeting's status workflow for the secretariat: one button per legal next step,
// the warnings the API answers with, and a clear sentence when a step is refused.
import { Alert, Button, Dialog, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import type { CombinedError } from '@urql/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useMutation } from 'urql';
import { errorCodes, fieldProblems, useDescribeError } from '../../api/errors';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import type { WarningCode } from '../../gql/graphql';
import { formatShortDate, todayInNorway } from '../../i18n/format';
import { useLang, useMessages } from '../../i18n/LanguageProvider';
import { addDays } from '../dates';
import messages from '../messages';

export const WorkflowMeetingFragment = graphql(`
  fragment Workflow_Meeting on Meeting {
    id
    code
    date
    version
    status
    minutesStatus
    minutesLocked
    minutesReopenedAt
    commentDeadline
    saker {
      id
      code
      standingKind
      approvesMinutesOf {
        id
        code
        version
        minutesStatus
      }
    }
  }
`);

const PublishNoticeMutation = graphql(`
  mutation PublishNotice($id: ID!, $version: Int!) {
    publishNotice(id: $id, version: $version) {
      meeting {
        id
        ...Workflow_Meeting
      }
      warnings {
        code
        message
      }
    }
  }
`);

const MarkHeldMutation = graphql(`
  mutation MarkMeetingHeld($id: ID!, $version: Int!) {
    markMeetingHeld(id: $id, version: $version) {
      id
      ...Workflow_Meeting
    }
  }
`);

const CancelMeetingMutation = graphql(`
  mutation CancelMeeting($id: ID!, $version: Int!) {
    cancelMeeting(id: $id, version: $version) {
      id
      ...Workflow_Meeting
    }
  }
`);

const StartMinutesMutation = graphql(`
  mutation StartMinutes($meetingId: ID!, $version: Int!) {
    startMinutes(meetingId: $meetingId, version: $version) {
      id
      ...Workflow_Meeting
      saker {
        id
        vedtak
        version
      }
    }
  }
`);

const SendForCommentsMutation = graphql(`
  mutation SendMinutesForComments($meetingId: ID!, $version: Int!, $commentDeadline: NaiveDate!) {
    sendMinutesForComments(meetingId: $meetingId, version: $version, commentDeadline: $commentDeadline) {
      id
      minutesSentOn
      ...Workflow_Meeting
    }
  }
`);

const ApproveMinutesMutation = graphql(`
  mutation ApproveMinutes($sakId: ID!, $version: Int!) {
    approveMinutes(sakId: $sakId, version: $version) {
      id
      code
      version
      minutesStatus
      minutesApprovedAt
      minutesLocked
    }
  }
`);

const PublishMinutesMutation = graphql(`
  mutation PublishMinutes($meetingId: ID!, $version: Int!) {
    publishMinutes(meetingId: $meetingId, version: $version) {
      id
      minutesPublishedAt
      ...Workflow_Meeting
    }
  }
`);

const ReopenMinutesMutation = graphql(`
  mutation ReopenMinutes($meetingId: ID!, $version: Int!, $reason: String!) {
    reopenMinutes(meetingId: $meetingId, version: $version, reason: $reason) {
      id
      minutesReopenReason
      ...Workflow_Meeting
    }
  }
`);

const LockMinutesMutation = graphql(`
  mutation LockMinutes($meetingId: ID!, $version: Int!) {
    lockMinutes(meetingId: $meetingId, version: $version) {
      id
      ...Workflow_Meeting
    }
  }
`);

type Outcome = { error?: CombinedError; data?: unknown };

export function useWarningText(): (code: WarningCode, message: string) => string {
  const t = useMessages(messages);
  return (code) => t[`warning${code}`];
}

type Step = 'cancel' | 'send' | 'reopen';

/** A step that asks first: what it does, what it needs, and confirm or keep things as they are. */
function StepDialog({
  step,
  dialog,
  heading,
  danger = false,
  busy,
  onClose,
  onConfirm,
  children,
}: {
  step: Step;
  /** The step whose dialog is open, if any. */
  dialog: Step | null;
  heading: string;
  danger?: boolean;
  busy: boolean;
  onClose: () => void;
  onConfirm: (event: FormEvent) => void;
  children?: ReactNode;
}) {
  const t = useMessages(messages);
  const id = `${step}-h`;
  return (
    <Dialog open={dialog === step} onClose={onClose} closeButton={t.close} aria-labelledby={id}>
      <Dialog.Block>
        <form className="stack" onSubmit={onConfirm} noValidate>
          <Heading level={2} data-size="xs" id={id}>
            {heading}
          </Heading>
          <Paragraph>{t[`${step}Text`]}</Paragraph>
          {children}
          <div className="button-row">
            <Button type="submit" data-color={danger ? 'danger' : undefined} disabled={busy}>
              {t[`${step}Confirm`]}
            </Button>
            <Button variant="secondary" type="button" onClick={onClose}>
              {t.keep}
            </Button>
          </div>
        </form>
      </Dialog.Block>
    </Dialog>
  );
}

/** The next steps for a meeting, as buttons; shown to the secretariat only. */
export function Workflow({ meeting: masked }: { meeting: FragmentType<typeof WorkflowMeetingFragment> }) {
  const t = useMessages(messages);
  const { lang } = useLang();
  const describe = useDescribeError();
  const warningText = useWarningText();
  const m = getFragmentData(WorkflowMeetingFragment, masked);
  const [publishState, publishNotice] = useMutation(PublishNoticeMutation);
  const [heldState, markHeld] = useMutation(MarkHeldMutation);
  const [cancelState, cancel] = useMutation(CancelMeetingMutation);
  const [startState, startMinutes] = useMutation(StartMinutesMutation);
  const [sendState, send] = useMutation(SendForCommentsMutation);
  const [approveState, approve] = useMutation(ApproveMinutesMutation);
  const [publishMinutesState, publishMinutes] = useMutation(PublishMinutesMutation);
  const [reopenState, reopen] = useMutation(ReopenMinutesMutation);
  const [lockState, lock] = useMutation(LockMinutesMutation);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<CombinedError | null>(null);
  const [dialog, setDialog] = useState<Step | null>(null);
  const closeDialog = () => setDialog(null);
  const today = todayInNorway();
  const [deadline, setDeadline] = useState(addDays(today, 7));
  const [deadlineError, setDeadlineError] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);

  const busy = [publishState, heldState, cancelState, startState, sendState, approveState, publishMinutesState, reopenState, lockState].some(
    (s) => s.fetching,
  );

  function settle(result: Outcome, success: string): boolean {
    if (result.error) {
      setFailure(result.error);
      setDone(null);
      return false;
    }
    setFailure(null);
    setDone(success);
    return true;
  }

  async function run(action: () => Promise<Outcome>, success: string) {
    setWarnings([]);
    settle(await action(), success);
  }

  async function doPublishNotice() {
    setWarnings([]);
    const result = await publishNotice({ id: m.id, version: m.version });
    if (settle(result, t.noticePublishedDone) && result.data) {
      setWarnings(result.data.publishNotice.warnings.map((w) => warningText(w.code, w.message)));
    }
  }

  async function doCancel(event: FormEvent) {
    event.preventDefault();
    await run(() => cancel({ id: m.id, version: m.version }), t.cancelledDone);
    setDialog(null);
  }

  async function doSend(event: FormEvent) {
    event.preventDefault();
    if (!deadline || deadline < today) {
      setDeadlineError(t.deadlineInvalid);
      return;
    }
    setDeadlineError(null);
    const result = await send({ meetingId: m.id, version: m.version, commentDeadline: deadline });
    if (fieldProblems(result.error).has('commentDeadline')) {
      setDeadlineError(t.deadlineInvalid);
      return;
    }
    settle(result, t.sentForCommentsDone(formatShortDate(deadline, lang)));
    setDialog(null);
  }

  async function doReopen(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      setReasonError(t.reopenReasonMissing);
      return;
    }
    setReasonError(null);
    const result = await reopen({ meetingId: m.id, version: m.version, reason: reason.trim() });
    if (fieldProblems(result.error).has('reason')) {
      setReasonError(t.reopenReasonMissing);
      return;
    }
    settle(result, t.reopenedDone);
    setDialog(null);
    setReason('');
  }

  // Minutes this meeting approves through its "Godkjenning av referat" sak.
  const approving = m.saker.find(
    (s) => s.standingKind === 'APPROVE_MINUTES' && s.approvesMinutesOf?.minutesStatus === 'SENT_FOR_COMMENTS',
  );
  const canApproveHere = approving && (m.status === 'NOTICE_PUBLISHED' || m.status === 'HELD');
  const reopened = Boolean(m.minutesReopenedAt) && !m.minutesLocked;

  const buttons: { key: string; label: string; onClick: () => void; variant?: 'primary' | 'secondary'; danger?: boolean }[] = [];
  if (m.status === 'PLANNED') buttons.push({ key: 'publish', label: t.publishNotice, onClick: doPublishNotice });
  if (m.status === 'NOTICE_PUBLISHED') {
    buttons.push({
      key: 'held',
      label: t.markHeld,
      onClick: () => run(() => markHeld({ id: m.id, version: m.version }), t.markedHeldDone),
    });
  }
  if (m.status === 'HELD' && m.minutesStatus === 'NONE') {
    buttons.push({
      key: 'start',
      label: t.startMinutes,
      onClick: () => run(() => startMinutes({ meetingId: m.id, version: m.version }), t.minutesStartedDone),
    });
  }
  if (m.minutesStatus === 'DRAFT') buttons.push({ key: 'send', label: t.sendForComments, onClick: () => setDialog('send') });
  if (canApproveHere && approving?.approvesMinutesOf) {
    const target = approving.approvesMinutesOf;
    buttons.push({
      key: 'approve',
      label: t.approveMinutesOf(target.code),
      onClick: () => run(() => approve({ sakId: approving.id, version: target.version }), t.approvedDone(target.code)),
    });
  }
  if (m.minutesStatus === 'APPROVED' && m.minutesLocked) {
    buttons.push({
      key: 'publishMinutes',
      label: t.publishMinutes,
      onClick: () => run(() => publishMinutes({ meetingId: m.id, version: m.version }), t.minutesPublishedDone),
    });
  }
  if (reopened) {
    buttons.push({
      key: 'lock',
      label: t.lockMinutes,
      onClick: () => run(() => lock({ meetingId: m.id, version: m.version }), t.lockedDone),
    });
  }
  if ((m.minutesStatus === 'APPROVED' || m.minutesStatus === 'PUBLISHED') && m.minutesLocked) {
    buttons.push({ key: 'reopen', label: t.reopenMinutes, onClick: () => setDialog('reopen'), variant: 'secondary' });
  }
  if (m.status === 'PLANNED' || m.status === 'NOTICE_PUBLISHED') {
    buttons.push({ key: 'cancel', label: t.cancelMeeting, onClick: () => setDialog('cancel'), variant: 'secondary', danger: true });
  }

  const hint =
    m.minutesStatus === 'SENT_FOR_COMMENTS'
      ? t.approvalHint
      : m.status === 'NOTICE_PUBLISHED' && m.date > today
        ? t.heldHint(formatShortDate(m.date, lang))
        : null;
  const isConflict = failure && errorCodes(failure).has('CONFLICT');

  return (
    <section aria-labelledby="workflow-h" className="workflow" data-testid="workflow">
      <Heading level={2} data-size="sm" id="workflow-h">
        {t.workflowHeading}
      </Heading>
      {buttons.length === 0 ? (
        <Paragraph className="muted">{t.workflowNothing}</Paragraph>
      ) : (
        <div className="button-row">
          {buttons.map((b) => (
            <Button
              key={b.key}
              variant={b.variant ?? 'primary'}
              data-color={b.danger ? 'danger' : undefined}
              onClick={b.onClick}
              disabled={busy}
            >
              {b.label}
            </Button>
          ))}
        </div>
      )}
      {hint && <Paragraph data-size="sm">{hint}</Paragraph>}
      <div aria-live="polite">
        {done && (
          <Alert data-color="success" data-testid="workflow-done">
            <Paragraph>{done}</Paragraph>
          </Alert>
        )}
        {warnings.length > 0 && (
          <Alert data-color="warning" data-testid="workflow-warnings">
            <Heading level={3} data-size="2xs">
              {t.warningsHeading}
            </Heading>
            <ul>
              {warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          </Alert>
        )}
      </div>
      {failure && (
        <Alert data-color="danger" role="alert">
          <Paragraph>{isConflict ? t.transitionRefused : describe(failure)}</Paragraph>
          {isConflict && failure.graphQLErrors[0] && (
            <Paragraph data-size="sm" lang="en" className="muted">
              {failure.graphQLErrors[0].message}
            </Paragraph>
          )}
        </Alert>
      )}

      <StepDialog step="cancel" dialog={dialog} heading={t.cancelHeading(m.code)} danger busy={busy} onClose={closeDialog} onConfirm={doCancel} />
      <StepDialog step="send" dialog={dialog} heading={t.sendHeading} busy={busy} onClose={closeDialog} onConfirm={doSend}>
        <Textfield
          type="date"
          label={t.commentDeadline}
          value={deadline}
          min={today}
          onChange={(e) => setDeadline(e.target.value)}
          error={deadlineError ?? undefined}
          required
        />
      </StepDialog>
      <StepDialog step="reopen" dialog={dialog} heading={t.reopenHeading} busy={busy} onClose={closeDialog} onConfirm={doReopen}>
        <Textfield
          label={t.reopenReason}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={reasonError ?? undefined}
          required
        />
      </StepDialog>
    </section>
  );
}
