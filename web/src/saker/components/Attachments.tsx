// Vedlegg: numbered as the papers number them; files are uploaded with progress (POST
// /files, multipart), links are added through GraphQL.
import { Alert, Button, Heading, Link, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useRef, useState, type FormEvent, type MouseEvent } from 'react';
import { useMutation } from 'urql';
import { apiUrl } from '../../api/config';
import { useDescribeError } from '../../api/errors';
import { useSession } from '../../auth/SessionProvider';
import { isWebUrl, useServerErrors } from '../../components/formErrors';
import { FailureAlert } from '../../components/states';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { useMessages } from '../../i18n/LanguageProvider';
import { useDownload } from '../../meetings/download';
import messages from '../messages';
import { fileUrl } from '../urls';

export const AttachmentFragment = graphql(`
  fragment Attachments_Attachment on Attachment {
    id
    number
    title
    url
    hasFile
    version
  }
`);

const AddLinkMutation = graphql(`
  mutation AddAttachmentLink($input: AddAttachmentInput!) {
    addAttachment(input: $input) {
      id
      ...Attachments_Attachment
    }
  }
`);

const RemoveAttachmentMutation = graphql(`
  mutation RemoveAttachment($id: ID!, $version: Int!) {
    removeAttachment(id: $id, version: $version)
  }
`);

type UploadFailure = { code: string; field?: string };

/** Sends a file with XMLHttpRequest, which (unlike fetch) reports upload progress. */
function sendFile(form: FormData, token: string | null, onProgress: (fraction: number) => void): Promise<UploadFailure | null> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl('/files'));
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) return resolve(null);
      try {
        const body = JSON.parse(xhr.responseText) as { error?: { code?: string; field?: string } };
        resolve({ code: body.error?.code ?? 'UNKNOWN', field: body.error?.field });
      } catch {
        resolve({ code: xhr.status === 413 ? 'TOO_LARGE' : 'UNKNOWN' });
      }
    };
    xhr.onerror = () => resolve({ code: 'NETWORK' });
    xhr.send(form);
  });
}

function UploadForm({ sakId, onUploaded }: { sakId: string; onUploaded: () => void }) {
  const t = useMessages(messages);
  const session = useSession();
  const input = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const file = input.current?.files?.[0];
    if (!file) {
      setFileError(t.fileMissing);
      return;
    }
    if (file.size > 25 * 1024 * 1024) {
      setFileError(t.fileTooLarge);
      return;
    }
    setFileError(null);
    const form = new FormData();
    form.append('sakId', sakId);
    if (title.trim()) form.append('title', title.trim());
    form.append('file', file);
    if (session.expiresSoon()) await session.refresh();
    setProgress(0);
    let failure = await sendFile(form, session.accessToken(), setProgress);
    if (failure?.code === 'UNAUTHENTICATED' && (await session.refresh())) {
      failure = await sendFile(form, session.accessToken(), setProgress);
    }
    setProgress(null);
    if (failure) {
      setFileError(
        failure.code === 'VALIDATION'
          ? t.fileRefused
          : failure.code === 'TOO_LARGE'
            ? t.fileTooLarge
            : failure.code === 'NETWORK'
              ? t.uploadNetwork
              : t.uploadFailed,
      );
      return;
    }
    setDone(t.uploaded(title.trim() || file.name));
    setTitle('');
    if (input.current) input.current.value = '';
    onUploaded();
  }

  return (
    <form className="stack attachment-form" onSubmit={submit} noValidate aria-labelledby="upload-h">
      <Heading level={3} data-size="2xs" id="upload-h">
        {t.uploadHeading}
      </Heading>
      <div className="ds-field">
        <label className="ds-label" htmlFor="attachment-file">
          {t.file}
        </label>
        <Paragraph data-size="sm" id="attachment-file-hint" className="muted">
          {t.fileHint}
        </Paragraph>
        <input
          ref={input}
          id="attachment-file"
          type="file"
          className="file-input"
          aria-describedby={fileError ? 'attachment-file-hint attachment-file-error' : 'attachment-file-hint'}
          aria-invalid={fileError ? true : undefined}
          onChange={() => setFileError(null)}
        />
        {fileError && (
          <Paragraph id="attachment-file-error" className="field-error" data-size="sm">
            {fileError}
          </Paragraph>
        )}
      </div>
      <Textfield label={t.attachmentTitle} description={t.attachmentTitleHint} value={title} onChange={(e) => setTitle(e.target.value)} />
      {progress !== null && (
        <div className="upload-progress">
          <label htmlFor="upload-progress">{t.uploading(Math.round(progress * 100))}</label>
          <progress id="upload-progress" max={1} value={progress} />
        </div>
      )}
      <div aria-live="polite">
        {done && (
          <Alert data-color="success" data-testid="upload-done">
            <Paragraph>{done}</Paragraph>
          </Alert>
        )}
      </div>
      <div>
        <Button type="submit" variant="secondary" disabled={progress !== null}>
          {t.upload}
        </Button>
      </div>
    </form>
  );
}

function LinkForm({ sakId }: { sakId: string }) {
  const t = useMessages(messages);
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [result, add] = useMutation(AddLinkMutation);
  const server = useServerErrors(result.error, { title: t.linkTitleMissing, url: t.linkUrlInvalid });
  const errors = { ...server.fields, ...local };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!title.trim()) next.title = t.linkTitleMissing;
    if (!isWebUrl(url.trim())) next.url = t.linkUrlInvalid;
    setLocal(next);
    if (Object.keys(next).length > 0) return;
    const response = await add({ input: { sakId, title: title.trim(), url: url.trim() } }, { additionalTypenames: ['Attachment'] });
    if (!response.error) {
      setTitle('');
      setUrl('');
    }
  }

  return (
    <form className="stack attachment-form" onSubmit={submit} noValidate aria-labelledby="link-h">
      <Heading level={3} data-size="2xs" id="link-h">
        {t.linkHeading}
      </Heading>
      <Textfield label={t.attachmentTitle} value={title} onChange={(e) => setTitle(e.target.value)} error={errors.title} />
      <Textfield label={t.linkUrl} type="url" value={url} onChange={(e) => setUrl(e.target.value)} error={errors.url} />
      {server.other && <FailureAlert>{server.other}</FailureAlert>}
      <div>
        <Button type="submit" variant="secondary" loading={result.fetching}>
          {t.addLink}
        </Button>
      </div>
    </form>
  );
}

export function Attachments({
  sakId,
  attachments: masked,
  editable,
  onChanged,
}: {
  sakId: string;
  attachments: FragmentType<typeof AttachmentFragment>[];
  editable: boolean;
  onChanged: () => void;
}) {
  const t = useMessages(messages);
  const describe = useDescribeError();
  const { download, failure } = useDownload();
  const [removeResult, remove] = useMutation(RemoveAttachmentMutation);
  const attachments = masked.map((a) => getFragmentData(AttachmentFragment, a)).sort((a, b) => a.number - b.number);

  function open(event: MouseEvent<HTMLAnchorElement>, id: string, title: string) {
    event.preventDefault();
    void download(fileUrl(id), title);
  }

  return (
    <section aria-labelledby="attachments-h" className="stack" data-testid="attachments">
      <Heading level={2} data-size="sm" id="attachments-h">
        {t.attachments}
      </Heading>
      {attachments.length === 0 ? (
        <Paragraph className="muted">{t.noAttachments}</Paragraph>
      ) : (
        <ol className="attachment-list">
          {attachments.map((a) => (
            <li key={a.id} value={a.number}>
              <span className="with-action">
                {a.url ? (
                  <Link href={a.url} rel="noopener noreferrer">
                    {a.title}
                  </Link>
                ) : a.hasFile ? (
                  <Link href={apiUrl(fileUrl(a.id))} onClick={(e) => open(e, a.id, a.title)}>
                    {a.title}
                  </Link>
                ) : (
                  a.title
                )}
                <span className="muted"> ({a.url ? t.kindLink : t.kindFile})</span>
                {editable && (
                  <Button
                    variant="tertiary"
                    data-size="sm"
                    aria-label={t.removeAttachment(a.title)}
                    onClick={async () => {
                      const r = await remove({ id: a.id, version: a.version }, { additionalTypenames: ['Attachment'] });
                      if (!r.error) onChanged();
                    }}
                  >
                    {t.remove}
                  </Button>
                )}
              </span>
            </li>
          ))}
        </ol>
      )}
      {failure && <FailureAlert>{t.fileDownloadFailed}</FailureAlert>}
      {removeResult.error && <FailureAlert>{describe(removeResult.error)}</FailureAlert>}
      {editable && (
        <div className="attachment-forms">
          <UploadForm sakId={sakId} onUploaded={onChanged} />
          <LinkForm sakId={sakId} />
        </div>
      )}
    </section>
  );
}
