export const annualReportUrl = (year?: number) => (year ? `/annual-report?year=${year}` : '/annual-report');

/** The CSV tables the API serves for a year's report (`GET /reports/{year}/{table}.csv`). */
export const REPORT_TABLES = [
  'meetings',
  'saker-by-type',
  'attendance-by-member',
  'consultations',
  'working-groups',
  'events',
  'publications',
  'follow-ups',
] as const;
export type ReportTable = (typeof REPORT_TABLES)[number];

export const reportCsvUrl = (year: number, table: ReportTable) => `/reports/${year}/${table}.csv`;
export const annualReportDocumentUrl = (year: number, format: 'pdf' | 'docx') => `/documents/annual-report/${year}.${format}`;
