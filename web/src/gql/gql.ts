/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment ApiTokenTable_Token on ApiToken {\n    id\n    name\n    prefix\n    scopes\n    createdAt\n    expiresAt\n    lastUsedAt\n    revokedAt\n  }\n": typeof types.ApiTokenTable_TokenFragmentDoc,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      id\n      ...ApiTokenTable_Token\n    }\n  }\n": typeof types.RevokeApiTokenDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        id\n        ...ApiTokenTable_Token\n      }\n    }\n  }\n": typeof types.CreateApiTokenDocument,
    "\n  query ApiTokens {\n    apiTokens {\n      id\n      ...ApiTokenTable_Token\n    }\n  }\n": typeof types.ApiTokensDocument,
    "\n  fragment Agenda_Sak on Sak {\n    id\n    code\n    position\n    title\n    types\n    timeStart\n    timeEnd\n    status\n    addedUnderEventuelt\n  }\n": typeof types.Agenda_SakFragmentDoc,
    "\n  fragment AttendanceLists_Attendance on Attendance {\n    id\n    category\n    status\n    partialNote\n    nameText\n    organisationText\n    fromSakId\n    toSakId\n    onlySakId\n    person {\n      id\n      name\n    }\n  }\n": typeof types.AttendanceLists_AttendanceFragmentDoc,
    "\n  fragment Habilitet_Record on ConflictOfInterest {\n    id\n    outcome\n    leftRoom\n    declaration\n    reason\n    decidedBy\n    person {\n      id\n      name\n    }\n  }\n": typeof types.Habilitet_RecordFragmentDoc,
    "\n  fragment HabilitetSummary_Sak on Sak {\n    id\n    code\n    position\n    habilitet {\n      id\n      ...Habilitet_Record\n    }\n  }\n": typeof types.HabilitetSummary_SakFragmentDoc,
    "\n  fragment MeetingsTable_Meeting on Meeting {\n    id\n    code\n    date\n    location\n    room\n    status\n    minutesStatus\n  }\n": typeof types.MeetingsTable_MeetingFragmentDoc,
    "\n  fragment SakPaper_Sak on Sak {\n    id\n    code\n    position\n    title\n    types\n    toText\n    fromText\n    from {\n      id\n      name\n    }\n    caseOfficers {\n      id\n      name\n      title\n    }\n    attachments {\n      id\n      number\n      title\n      url\n      hasFile\n    }\n    background\n    reason\n    keyPoints\n    proposedVedtak\n    discussion\n    vedtak\n    habilitet {\n      id\n      ...Habilitet_Record\n    }\n  }\n": typeof types.SakPaper_SakFragmentDoc,
    "\n  query MeetingPage($code: String!) {\n    meeting(code: $code) {\n      id\n      code\n      year\n      date\n      startsAt\n      endsAt\n      location\n      room\n      format\n      status\n      noticePublishedAt\n      minutesStatus\n      minutesSentOn\n      commentDeadline\n      minutesApprovedAt\n      saker {\n        id\n        code\n        ...Agenda_Sak\n        ...SakPaper_Sak\n        ...HabilitetSummary_Sak\n      }\n      attendance {\n        id\n        ...AttendanceLists_Attendance\n      }\n    }\n  }\n": typeof types.MeetingPageDocument,
    "\n  query MeetingsPage($year: Int, $first: Int!, $after: String) {\n    meetings(year: $year, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          ...MeetingsTable_Meeting\n        }\n      }\n    }\n  }\n": typeof types.MeetingsPageDocument,
    "\n  query CouncilYears {\n    councilPeriods {\n      id\n      startsOn\n    }\n  }\n": typeof types.CouncilYearsDocument,
    "\n  query Overview {\n    meetings(first: 20) {\n      edges {\n        node {\n          id\n          code\n          date\n          startsAt\n          endsAt\n          location\n          room\n          status\n          minutesStatus\n        }\n      }\n    }\n  }\n": typeof types.OverviewDocument,
    "\n  query SakByCode($code: String!) {\n    sak(code: $code) {\n      id\n      code\n      title\n    }\n  }\n": typeof types.SakByCodeDocument,
};
const documents: Documents = {
    "\n  fragment ApiTokenTable_Token on ApiToken {\n    id\n    name\n    prefix\n    scopes\n    createdAt\n    expiresAt\n    lastUsedAt\n    revokedAt\n  }\n": types.ApiTokenTable_TokenFragmentDoc,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      id\n      ...ApiTokenTable_Token\n    }\n  }\n": types.RevokeApiTokenDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        id\n        ...ApiTokenTable_Token\n      }\n    }\n  }\n": types.CreateApiTokenDocument,
    "\n  query ApiTokens {\n    apiTokens {\n      id\n      ...ApiTokenTable_Token\n    }\n  }\n": types.ApiTokensDocument,
    "\n  fragment Agenda_Sak on Sak {\n    id\n    code\n    position\n    title\n    types\n    timeStart\n    timeEnd\n    status\n    addedUnderEventuelt\n  }\n": types.Agenda_SakFragmentDoc,
    "\n  fragment AttendanceLists_Attendance on Attendance {\n    id\n    category\n    status\n    partialNote\n    nameText\n    organisationText\n    fromSakId\n    toSakId\n    onlySakId\n    person {\n      id\n      name\n    }\n  }\n": types.AttendanceLists_AttendanceFragmentDoc,
    "\n  fragment Habilitet_Record on ConflictOfInterest {\n    id\n    outcome\n    leftRoom\n    declaration\n    reason\n    decidedBy\n    person {\n      id\n      name\n    }\n  }\n": types.Habilitet_RecordFragmentDoc,
    "\n  fragment HabilitetSummary_Sak on Sak {\n    id\n    code\n    position\n    habilitet {\n      id\n      ...Habilitet_Record\n    }\n  }\n": types.HabilitetSummary_SakFragmentDoc,
    "\n  fragment MeetingsTable_Meeting on Meeting {\n    id\n    code\n    date\n    location\n    room\n    status\n    minutesStatus\n  }\n": types.MeetingsTable_MeetingFragmentDoc,
    "\n  fragment SakPaper_Sak on Sak {\n    id\n    code\n    position\n    title\n    types\n    toText\n    fromText\n    from {\n      id\n      name\n    }\n    caseOfficers {\n      id\n      name\n      title\n    }\n    attachments {\n      id\n      number\n      title\n      url\n      hasFile\n    }\n    background\n    reason\n    keyPoints\n    proposedVedtak\n    discussion\n    vedtak\n    habilitet {\n      id\n      ...Habilitet_Record\n    }\n  }\n": types.SakPaper_SakFragmentDoc,
    "\n  query MeetingPage($code: String!) {\n    meeting(code: $code) {\n      id\n      code\n      year\n      date\n      startsAt\n      endsAt\n      location\n      room\n      format\n      status\n      noticePublishedAt\n      minutesStatus\n      minutesSentOn\n      commentDeadline\n      minutesApprovedAt\n      saker {\n        id\n        code\n        ...Agenda_Sak\n        ...SakPaper_Sak\n        ...HabilitetSummary_Sak\n      }\n      attendance {\n        id\n        ...AttendanceLists_Attendance\n      }\n    }\n  }\n": types.MeetingPageDocument,
    "\n  query MeetingsPage($year: Int, $first: Int!, $after: String) {\n    meetings(year: $year, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          ...MeetingsTable_Meeting\n        }\n      }\n    }\n  }\n": types.MeetingsPageDocument,
    "\n  query CouncilYears {\n    councilPeriods {\n      id\n      startsOn\n    }\n  }\n": types.CouncilYearsDocument,
    "\n  query Overview {\n    meetings(first: 20) {\n      edges {\n        node {\n          id\n          code\n          date\n          startsAt\n          endsAt\n          location\n          room\n          status\n          minutesStatus\n        }\n      }\n    }\n  }\n": types.OverviewDocument,
    "\n  query SakByCode($code: String!) {\n    sak(code: $code) {\n      id\n      code\n      title\n    }\n  }\n": types.SakByCodeDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiTokenTable_Token on ApiToken {\n    id\n    name\n    prefix\n    scopes\n    createdAt\n    expiresAt\n    lastUsedAt\n    revokedAt\n  }\n"): (typeof documents)["\n  fragment ApiTokenTable_Token on ApiToken {\n    id\n    name\n    prefix\n    scopes\n    createdAt\n    expiresAt\n    lastUsedAt\n    revokedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      id\n      ...ApiTokenTable_Token\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      id\n      ...ApiTokenTable_Token\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        id\n        ...ApiTokenTable_Token\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        id\n        ...ApiTokenTable_Token\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiTokens {\n    apiTokens {\n      id\n      ...ApiTokenTable_Token\n    }\n  }\n"): (typeof documents)["\n  query ApiTokens {\n    apiTokens {\n      id\n      ...ApiTokenTable_Token\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment Agenda_Sak on Sak {\n    id\n    code\n    position\n    title\n    types\n    timeStart\n    timeEnd\n    status\n    addedUnderEventuelt\n  }\n"): (typeof documents)["\n  fragment Agenda_Sak on Sak {\n    id\n    code\n    position\n    title\n    types\n    timeStart\n    timeEnd\n    status\n    addedUnderEventuelt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AttendanceLists_Attendance on Attendance {\n    id\n    category\n    status\n    partialNote\n    nameText\n    organisationText\n    fromSakId\n    toSakId\n    onlySakId\n    person {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment AttendanceLists_Attendance on Attendance {\n    id\n    category\n    status\n    partialNote\n    nameText\n    organisationText\n    fromSakId\n    toSakId\n    onlySakId\n    person {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment Habilitet_Record on ConflictOfInterest {\n    id\n    outcome\n    leftRoom\n    declaration\n    reason\n    decidedBy\n    person {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment Habilitet_Record on ConflictOfInterest {\n    id\n    outcome\n    leftRoom\n    declaration\n    reason\n    decidedBy\n    person {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment HabilitetSummary_Sak on Sak {\n    id\n    code\n    position\n    habilitet {\n      id\n      ...Habilitet_Record\n    }\n  }\n"): (typeof documents)["\n  fragment HabilitetSummary_Sak on Sak {\n    id\n    code\n    position\n    habilitet {\n      id\n      ...Habilitet_Record\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MeetingsTable_Meeting on Meeting {\n    id\n    code\n    date\n    location\n    room\n    status\n    minutesStatus\n  }\n"): (typeof documents)["\n  fragment MeetingsTable_Meeting on Meeting {\n    id\n    code\n    date\n    location\n    room\n    status\n    minutesStatus\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SakPaper_Sak on Sak {\n    id\n    code\n    position\n    title\n    types\n    toText\n    fromText\n    from {\n      id\n      name\n    }\n    caseOfficers {\n      id\n      name\n      title\n    }\n    attachments {\n      id\n      number\n      title\n      url\n      hasFile\n    }\n    background\n    reason\n    keyPoints\n    proposedVedtak\n    discussion\n    vedtak\n    habilitet {\n      id\n      ...Habilitet_Record\n    }\n  }\n"): (typeof documents)["\n  fragment SakPaper_Sak on Sak {\n    id\n    code\n    position\n    title\n    types\n    toText\n    fromText\n    from {\n      id\n      name\n    }\n    caseOfficers {\n      id\n      name\n      title\n    }\n    attachments {\n      id\n      number\n      title\n      url\n      hasFile\n    }\n    background\n    reason\n    keyPoints\n    proposedVedtak\n    discussion\n    vedtak\n    habilitet {\n      id\n      ...Habilitet_Record\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MeetingPage($code: String!) {\n    meeting(code: $code) {\n      id\n      code\n      year\n      date\n      startsAt\n      endsAt\n      location\n      room\n      format\n      status\n      noticePublishedAt\n      minutesStatus\n      minutesSentOn\n      commentDeadline\n      minutesApprovedAt\n      saker {\n        id\n        code\n        ...Agenda_Sak\n        ...SakPaper_Sak\n        ...HabilitetSummary_Sak\n      }\n      attendance {\n        id\n        ...AttendanceLists_Attendance\n      }\n    }\n  }\n"): (typeof documents)["\n  query MeetingPage($code: String!) {\n    meeting(code: $code) {\n      id\n      code\n      year\n      date\n      startsAt\n      endsAt\n      location\n      room\n      format\n      status\n      noticePublishedAt\n      minutesStatus\n      minutesSentOn\n      commentDeadline\n      minutesApprovedAt\n      saker {\n        id\n        code\n        ...Agenda_Sak\n        ...SakPaper_Sak\n        ...HabilitetSummary_Sak\n      }\n      attendance {\n        id\n        ...AttendanceLists_Attendance\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MeetingsPage($year: Int, $first: Int!, $after: String) {\n    meetings(year: $year, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          ...MeetingsTable_Meeting\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MeetingsPage($year: Int, $first: Int!, $after: String) {\n    meetings(year: $year, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          ...MeetingsTable_Meeting\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CouncilYears {\n    councilPeriods {\n      id\n      startsOn\n    }\n  }\n"): (typeof documents)["\n  query CouncilYears {\n    councilPeriods {\n      id\n      startsOn\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Overview {\n    meetings(first: 20) {\n      edges {\n        node {\n          id\n          code\n          date\n          startsAt\n          endsAt\n          location\n          room\n          status\n          minutesStatus\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Overview {\n    meetings(first: 20) {\n      edges {\n        node {\n          id\n          code\n          date\n          startsAt\n          endsAt\n          location\n          room\n          status\n          minutesStatus\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SakByCode($code: String!) {\n    sak(code: $code) {\n      id\n      code\n      title\n    }\n  }\n"): (typeof documents)["\n  query SakByCode($code: String!) {\n    sak(code: $code) {\n      id\n      code\n      title\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;