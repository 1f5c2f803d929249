export const overviewUrl = () => '/consultations';
export const deadlinesUrl = () => '/consultations/deadlines';
export const policyDocumentsUrl = () => '/consultations/documents';
export const policyDocumentUrl = (id: string) => `/consultations/documents/${encodeURIComponent(id)}`;
export const newPolicyDocumentUrl = () => '/consultations/documents/new';
