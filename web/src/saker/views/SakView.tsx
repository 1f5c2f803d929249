// One sak: the saksfremlegg as the papers print it, and for the secretariat the form that
// writes it, with its vedlegg, references to earlier saker and follow-up items.
import '../../meetings/work.css';
import { Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { errorCodes } from '../../api/errors';
import { roleOf } from '../../auth/access';
import { useSessionState } from '../../auth/SessionProvider';
import { RouterLink } from '../../components/RouterLink';
import { ErrorState, Loading } from '../../components/states';
import { usePageTitle } from '../../components/usePageTitle';
import { graphql } from '../../gql';
import { useMessages } from '../../i18n/LanguageProvider';
import { SakPaper } from '../../meetings/components/SakPaper';
import { meetingToolUrl, meetingUrl } from '../../meetings/urls';
import { Attachments } from '../components/Attachments';
import { FollowUps } from '../components/FollowUps';
import { References } from '../components/References';
import { SakForm } from '../components/SakForm';
import messages from '../messages';
import { sakCodeFromParam } from '../urls';

// Lists that may be empty: a mutation returning these types refetches the page.
const LISTS = { additionalTypenames: ['Attachment', 'SakReference', 'FollowUp'] };

export const SakPageQuery = graphql(`
  query SakPage($code: String!) {
    sak(code: $code) {
      id
      code
      title
      status
      version
      standingKind
      ...SakForm_Sak
      ...SakPaper_Sak
      meeting {
        id
        code
        year
        status
        minutesStatus
        minutesLocked
      }
      attachments {
        id
        ...Attachments_Attachment
      }
      references {
        id
        ...References_Reference
      }
      followUps {
        id
        ...FollowUps_FollowUp
      }
    }
  }
`);

function NotFound({ code }: { code: string }) {
  const t = useMessages(messages);
  usePageTitle(t.sakNotFound);
  return (
    <div className="narrow" data-testid="sak-not-found">
      <Heading level={1} data-size="lg">
        {t.sakNotFound}
      </Heading>
      <Paragraph>{t.sakNotFoundText(code)}</Paragraph>
    </div>
  );
}

export default function SakView() {
  const t = useMessages(messages);
  const params = useParams();
  const state = useSessionState();
  const role = roleOf(state);
  const code = sakCodeFromParam(params.code);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: SakPageQuery,
    context: LISTS,
    variables: { code: code ?? '' },
    pause: code === null,
  });
  const sak = data?.sak;
  usePageTitle(sak ? t.sakHeading(sak.code, sak.title) : code ? t.sakCode(code) : t.sakNotFound);

  if (code === null) return <NotFound code={params.code ?? ''} />;
  if (!data && fetching) return <Loading />;
  if (error && !data) {
    if (errorCodes(error).has('NOT_FOUND')) return <NotFound code={code} />;
    return <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  }
  if (!sak) return <NotFound code={code} />;

  const secretariat = role === 'SECRETARIAT';
  const locked = Boolean(sak.meeting?.minutesLocked) || sak.meeting?.status === 'CANCELLED';
  const refresh = () => reexecute({ requestPolicy: 'network-only' });

  return (
    <article className="stack sak-page" data-testid="sak-page">
      {sak.meeting && (
        <Paragraph data-size="sm" className="sak-page__links">
          <RouterLink to={meetingUrl(sak.meeting.code)}>{t.backToMeeting(sak.meeting.code)}</RouterLink>
          {secretariat && <RouterLink to={meetingToolUrl(sak.meeting.code, 'agenda')}>{t.toAgendaBuilder}</RouterLink>}
        </Paragraph>
      )}
      {secretariat ? (
        <>
          <Heading level={1} data-size="lg">
            {t.sakHeading(sak.code, sak.title)}
          </Heading>
          {locked && (
            <Tag data-color="neutral" data-size="sm">
              {t.lockedTag}
            </Tag>
          )}
          <SakForm key={sak.id} sak={sak} locked={locked} />
          <Attachments sakId={sak.id} attachments={sak.attachments} editable={!locked} onChanged={refresh} />
          <References sakId={sak.id} sakCode={sak.code} references={sak.references} editable={!locked} />
          <FollowUps sakId={sak.id} followUps={sak.followUps} editable />
        </>
      ) : (
        <>
          <SakPaper sak={sak} standalone />
          <References sakId={sak.id} sakCode={sak.code} references={sak.references} editable={false} />
          {role && sak.followUps.length > 0 && <FollowUps sakId={sak.id} followUps={sak.followUps} editable={false} />}
        </>
      )}
    </article>
  );
}
