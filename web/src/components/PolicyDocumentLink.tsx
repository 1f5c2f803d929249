import { policyDocumentUrl } from '../consultations/urls';
import { RouterLink } from './RouterLink';

/** A link to a policy document, named by its reference (if any) and title. */
export function PolicyDocumentLink({ document: d }: { document: { id: string; reference?: string | null; title: string } }) {
  return <RouterLink to={policyDocumentUrl(d.id)}>{[d.reference, d.title].filter(Boolean).join(' ')}</RouterLink>;
}
