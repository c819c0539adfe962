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
    "\n  fragment AnalystFields on Analyst {\n    id\n    slug\n    name\n    nameEn\n    title\n    email\n    firm {\n      id\n      name\n    }\n  }\n": typeof types.AnalystFieldsFragmentDoc,
    "\n  query Analysts($first: Int, $after: String, $firmId: ID, $ids: [ID!], $search: String) {\n    analysts(first: $first, after: $after, firmId: $firmId, ids: $ids, search: $search) {\n      nodes {\n        ...AnalystFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AnalystsDocument,
    "\n  query Analyst($id: ID!) {\n    analyst(id: $id) {\n      ...AnalystFields\n    }\n  }\n": typeof types.AnalystDocument,
    "\n  mutation CreateAnalyst($input: CreateAnalystInput!) {\n    createAnalyst(input: $input) {\n      ...AnalystFields\n    }\n  }\n": typeof types.CreateAnalystDocument,
    "\n  mutation UpdateAnalyst($id: ID!, $input: UpdateAnalystInput!) {\n    updateAnalyst(id: $id, input: $input) {\n      ...AnalystFields\n    }\n  }\n": typeof types.UpdateAnalystDocument,
    "\n  query AuditEvents($first: Int, $after: String, $filter: AuditFilter) {\n    auditEvents(first: $first, after: $after, filter: $filter) {\n      nodes {\n        id\n        at\n        actor {\n          id\n          name\n        }\n        actorEmail\n        action\n        entityType\n        entityId\n        entityTitle\n        entityFirmId\n        before\n        after\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AuditEventsDocument,
    "\n  query AuditActions {\n    auditActions\n  }\n": typeof types.AuditActionsDocument,
    "\n  query Me {\n    me {\n      id\n      email\n      name\n      role\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      user {\n        id\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  query ComplianceIssues($first: Int, $after: String, $counted: Boolean!, $filter: ComplianceFilterInput) {\n    page: complianceIssues(first: $first, after: $after, filter: $filter) {\n      nodes {\n        reportId\n        kind\n        since\n        reason\n        rule\n        disclaimer {\n          templateVersion\n        }\n        currentTemplate {\n          version\n        }\n        report {\n          id\n          title\n          status\n          firm {\n            name\n          }\n          workingCopy {\n            status\n            disclaimer {\n              templateVersion\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount @include(if: $counted)\n    }\n  }\n": typeof types.ComplianceIssuesDocument,
    "\n  mutation RenewOutdatedDisclaimers($firmId: ID!, $after: String, $first: Int) {\n    renewOutdatedDisclaimers(firmId: $firmId, after: $after, first: $first) {\n      renewed\n      skipped {\n        reportId\n        reason\n      }\n      endCursor\n      hasMore\n    }\n  }\n": typeof types.RenewOutdatedDisclaimersDocument,
    "\n  query StoppedWebhooks {\n    stoppedWebhooks {\n      id\n      description\n      host\n      disabledReason\n      disabledAt\n      failingSince\n      lastError\n    }\n  }\n": typeof types.StoppedWebhooksDocument,
    "\n  fragment FirmFields on Firm {\n    id\n    slug\n    name\n    nameEn\n    website\n    isPartner\n    createdAt\n    disclaimerTemplates {\n      id\n      version\n      body\n      effectiveFrom\n      checksum\n      createdAt\n    }\n  }\n": typeof types.FirmFieldsFragmentDoc,
    "\n  query Firms($first: Int, $after: String, $ids: [ID!], $search: String) {\n    firms(first: $first, after: $after, ids: $ids, search: $search) {\n      nodes {\n        ...FirmFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.FirmsDocument,
    "\n  query Firm($id: ID!) {\n    firm(id: $id) {\n      ...FirmFields\n    }\n  }\n": typeof types.FirmDocument,
    "\n  mutation CreateFirm($input: CreateFirmInput!) {\n    createFirm(input: $input) {\n      ...FirmFields\n    }\n  }\n": typeof types.CreateFirmDocument,
    "\n  mutation UpdateFirm($id: ID!, $input: UpdateFirmInput!) {\n    updateFirm(id: $id, input: $input) {\n      ...FirmFields\n    }\n  }\n": typeof types.UpdateFirmDocument,
    "\n  mutation CreateDisclaimerTemplate($firmId: ID!, $body: String!, $effectiveFrom: DateTimeISO) {\n    createDisclaimerTemplate(firmId: $firmId, body: $body, effectiveFrom: $effectiveFrom) {\n      id\n      version\n    }\n  }\n": typeof types.CreateDisclaimerTemplateDocument,
    "\n  fragment ReportFields on Report {\n    id\n    slug\n    title\n    subject\n    summary\n    body\n    language\n    status\n    version\n    publishedAt\n    scheduledAt\n    correctedAt\n    correctionNote\n    createdAt\n    updatedAt\n    firm {\n      id\n      name\n      currentDisclaimerTemplate {\n        id\n        version\n        body\n        effectiveFrom\n      }\n    }\n    analysts {\n      id\n      name\n      title\n    }\n    sectorTags {\n      id\n      name\n    }\n    disclaimer {\n      id\n      text\n      templateVersion\n      checksum\n      contentChecksum\n      reviewStatus\n      reviewNote\n      reviewedAt\n      reviewedBy {\n        name\n      }\n      attachedAt\n      attachedBy {\n        id\n      }\n    }\n    workingCopy {\n      status\n      version\n      title\n      subject\n      summary\n      body\n      language\n      correctionNote\n      updatedAt\n      analysts {\n        id\n        name\n        title\n      }\n      sectorTags {\n        id\n        name\n      }\n      disclaimer {\n        id\n        text\n        templateVersion\n        checksum\n        reviewStatus\n        reviewNote\n        attachedBy {\n          id\n        }\n      }\n      createdBy {\n        id\n        name\n      }\n      updatedBy {\n        id\n        name\n      }\n    }\n    rejection {\n      reviewNote\n      reviewedAt\n      reviewedBy {\n        name\n      }\n      templateVersion\n    }\n    retraction {\n      reason\n      at\n    }\n    scheduleBlock {\n      at\n      reason\n    }\n    createdBy {\n      id\n      name\n    }\n    updatedBy {\n      id\n      name\n    }\n  }\n": typeof types.ReportFieldsFragmentDoc,
    "\n  query Reports($first: Int, $after: String, $filter: ReportFilter, $orderBy: ReportOrder) {\n    reports(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      nodes {\n        ...ReportFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ReportsDocument,
    "\n  query Report($id: ID!) {\n    report(id: $id) {\n      ...ReportFields\n    }\n  }\n": typeof types.ReportDocument,
    "\n  mutation CreateReport($input: CreateReportInput!) {\n    createReport(input: $input) {\n      ...ReportFields\n    }\n  }\n": typeof types.CreateReportDocument,
    "\n  mutation UpdateReport($id: ID!, $input: UpdateReportInput!, $expectedVersion: Int!) {\n    updateReport(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      ...ReportFields\n    }\n  }\n": typeof types.UpdateReportDocument,
    "\n  mutation DeleteReport($id: ID!) {\n    deleteReport(id: $id)\n  }\n": typeof types.DeleteReportDocument,
    "\n  mutation AttachDisclaimer($id: ID!) {\n    result: attachDisclaimer(reportId: $id) {\n      ...ReportFields\n    }\n  }\n": typeof types.AttachDisclaimerDocument,
    "\n  mutation SubmitForReview($id: ID!, $correctionNote: String) {\n    result: submitForReview(reportId: $id, correctionNote: $correctionNote) {\n      ...ReportFields\n    }\n  }\n": typeof types.SubmitForReviewDocument,
    "\n  mutation WithdrawReport($id: ID!) {\n    result: withdrawReport(reportId: $id) {\n      ...ReportFields\n    }\n  }\n": typeof types.WithdrawReportDocument,
    "\n  mutation ApproveDisclaimer($id: ID!, $note: String) {\n    result: approveDisclaimer(reportId: $id, note: $note) {\n      ...ReportFields\n    }\n  }\n": typeof types.ApproveDisclaimerDocument,
    "\n  mutation RejectDisclaimer($id: ID!, $note: String!) {\n    result: rejectDisclaimer(reportId: $id, note: $note) {\n      ...ReportFields\n    }\n  }\n": typeof types.RejectDisclaimerDocument,
    "\n  mutation PublishReport($id: ID!, $at: DateTimeISO) {\n    result: publishReport(reportId: $id, at: $at) {\n      ...ReportFields\n    }\n  }\n": typeof types.PublishReportDocument,
    "\n  mutation UnscheduleReport($id: ID!) {\n    result: unscheduleReport(reportId: $id) {\n      ...ReportFields\n    }\n  }\n": typeof types.UnscheduleReportDocument,
    "\n  mutation RetractReport($id: ID!, $reason: String!) {\n    result: retractReport(reportId: $id, reason: $reason) {\n      ...ReportFields\n    }\n  }\n": typeof types.RetractReportDocument,
    "\n  query ReportHistory($id: ID!) {\n    report(id: $id) {\n      id\n      revisions {\n        id\n        number\n        createdAt\n        content {\n          title\n          subject\n          summary\n          body\n          language\n        }\n      }\n      publicationPeriods {\n        contentChecksum\n        disclaimerChecksum\n        correctionNote\n        revisionId\n        liveFrom\n        liveUntil\n      }\n      auditTrail(first: 100) {\n        nodes {\n          id\n          at\n          actorEmail\n          action\n          before\n          after\n        }\n      }\n    }\n  }\n": typeof types.ReportHistoryDocument,
    "\n  query ReportRevisionDiff($from: ID!, $to: ID!) {\n    reportRevisionDiff(fromRevisionId: $from, toRevisionId: $to) {\n      field\n      before\n      after\n    }\n  }\n": typeof types.ReportRevisionDiffDocument,
    "\n  query ReviewQueue($first: Int, $after: String, $counted: Boolean!) {\n    page: reviewQueue(first: $first, after: $after) {\n      nodes {\n        reportId\n        correction\n        title\n        differsFromCurrent\n        submittedAt\n        author {\n          id\n          name\n        }\n        report {\n          id\n          firm {\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount @include(if: $counted)\n    }\n  }\n": typeof types.ReviewQueueDocument,
    "\n  fragment SectorTagFields on SectorTag {\n    id\n    slug\n    name\n    nameEn\n  }\n": typeof types.SectorTagFieldsFragmentDoc,
    "\n  query SectorTags($first: Int, $after: String, $ids: [ID!], $search: String) {\n    sectorTags(first: $first, after: $after, ids: $ids, search: $search) {\n      nodes {\n        ...SectorTagFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.SectorTagsDocument,
    "\n  query SectorTag($id: ID!) {\n    sectorTag(id: $id) {\n      ...SectorTagFields\n    }\n  }\n": typeof types.SectorTagDocument,
    "\n  mutation CreateSectorTag($input: CreateSectorTagInput!) {\n    createSectorTag(input: $input) {\n      ...SectorTagFields\n    }\n  }\n": typeof types.CreateSectorTagDocument,
    "\n  mutation UpdateSectorTag($id: ID!, $input: UpdateSectorTagInput!) {\n    updateSectorTag(id: $id, input: $input) {\n      ...SectorTagFields\n    }\n  }\n": typeof types.UpdateSectorTagDocument,
    "\n  fragment UserFields on User {\n    id\n    email\n    name\n    role\n    disabledAt\n    createdAt\n  }\n": typeof types.UserFieldsFragmentDoc,
    "\n  query Users($first: Int, $after: String, $ids: [ID!], $search: String) {\n    users(first: $first, after: $after, ids: $ids, search: $search) {\n      nodes {\n        ...UserFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.UsersDocument,
    "\n  query User($id: ID!) {\n    user(id: $id) {\n      ...UserFields\n    }\n  }\n": typeof types.UserDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...UserFields\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      ...UserFields\n    }\n  }\n": typeof types.UpdateUserDocument,
    "\n  fragment WebhookFields on WebhookNode {\n    id\n    url\n    description\n    eventTypes\n    firmIds\n    sectorTagIds\n    enabled\n    disabledReason\n    disabledAt\n    failingSince\n    secretRotatedAt\n    previousSecretUntil\n    createdAt\n  }\n": typeof types.WebhookFieldsFragmentDoc,
    "\n  query Webhooks {\n    webhooks {\n      ...WebhookFields\n    }\n  }\n": typeof types.WebhooksDocument,
    "\n  query Webhook($id: ID!) {\n    webhook(id: $id) {\n      ...WebhookFields\n    }\n  }\n": typeof types.WebhookDocument,
    "\n  mutation CreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) {\n      secret\n      webhook {\n        ...WebhookFields\n      }\n    }\n  }\n": typeof types.CreateWebhookDocument,
    "\n  mutation UpdateWebhook($id: ID!, $input: UpdateWebhookInput!) {\n    updateWebhook(id: $id, input: $input) {\n      ...WebhookFields\n    }\n  }\n": typeof types.UpdateWebhookDocument,
    "\n  mutation DeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id) {\n      id\n    }\n  }\n": typeof types.DeleteWebhookDocument,
    "\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n      webhook {\n        ...WebhookFields\n      }\n    }\n  }\n": typeof types.RotateWebhookSecretDocument,
    "\n  mutation SendTestWebhook($webhookId: ID!) {\n    sendTestWebhook(webhookId: $webhookId) {\n      id\n    }\n  }\n": typeof types.SendTestWebhookDocument,
    "\n  mutation RedeliverWebhookEvent($webhookId: ID!, $eventId: ID!) {\n    redeliverWebhookEvent(webhookId: $webhookId, eventId: $eventId) {\n      id\n    }\n  }\n": typeof types.RedeliverWebhookEventDocument,
    "\n  query WebhookDeliveries($webhookId: ID!, $first: Int, $after: String, $counted: Boolean!, $filter: WebhookDeliveryFilterInput) {\n    page: webhookDeliveries(webhookId: $webhookId, first: $first, after: $after, filter: $filter) {\n      nodes {\n        id\n        type\n        eventId\n        status\n        attempts\n        nextAttemptAt\n        createdAt\n        finishedAt\n        lastStatusCode\n        lastError\n        report {\n          id\n          title\n        }\n        attemptLog {\n          id\n          attempt\n          at\n          statusCode\n          durationMs\n          error\n          responseHead\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount @include(if: $counted)\n    }\n  }\n": typeof types.WebhookDeliveriesDocument,
};
const documents: Documents = {
    "\n  fragment AnalystFields on Analyst {\n    id\n    slug\n    name\n    nameEn\n    title\n    email\n    firm {\n      id\n      name\n    }\n  }\n": types.AnalystFieldsFragmentDoc,
    "\n  query Analysts($first: Int, $after: String, $firmId: ID, $ids: [ID!], $search: String) {\n    analysts(first: $first, after: $after, firmId: $firmId, ids: $ids, search: $search) {\n      nodes {\n        ...AnalystFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AnalystsDocument,
    "\n  query Analyst($id: ID!) {\n    analyst(id: $id) {\n      ...AnalystFields\n    }\n  }\n": types.AnalystDocument,
    "\n  mutation CreateAnalyst($input: CreateAnalystInput!) {\n    createAnalyst(input: $input) {\n      ...AnalystFields\n    }\n  }\n": types.CreateAnalystDocument,
    "\n  mutation UpdateAnalyst($id: ID!, $input: UpdateAnalystInput!) {\n    updateAnalyst(id: $id, input: $input) {\n      ...AnalystFields\n    }\n  }\n": types.UpdateAnalystDocument,
    "\n  query AuditEvents($first: Int, $after: String, $filter: AuditFilter) {\n    auditEvents(first: $first, after: $after, filter: $filter) {\n      nodes {\n        id\n        at\n        actor {\n          id\n          name\n        }\n        actorEmail\n        action\n        entityType\n        entityId\n        entityTitle\n        entityFirmId\n        before\n        after\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AuditEventsDocument,
    "\n  query AuditActions {\n    auditActions\n  }\n": types.AuditActionsDocument,
    "\n  query Me {\n    me {\n      id\n      email\n      name\n      role\n    }\n  }\n": types.MeDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      user {\n        id\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  query ComplianceIssues($first: Int, $after: String, $counted: Boolean!, $filter: ComplianceFilterInput) {\n    page: complianceIssues(first: $first, after: $after, filter: $filter) {\n      nodes {\n        reportId\n        kind\n        since\n        reason\n        rule\n        disclaimer {\n          templateVersion\n        }\n        currentTemplate {\n          version\n        }\n        report {\n          id\n          title\n          status\n          firm {\n            name\n          }\n          workingCopy {\n            status\n            disclaimer {\n              templateVersion\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount @include(if: $counted)\n    }\n  }\n": types.ComplianceIssuesDocument,
    "\n  mutation RenewOutdatedDisclaimers($firmId: ID!, $after: String, $first: Int) {\n    renewOutdatedDisclaimers(firmId: $firmId, after: $after, first: $first) {\n      renewed\n      skipped {\n        reportId\n        reason\n      }\n      endCursor\n      hasMore\n    }\n  }\n": types.RenewOutdatedDisclaimersDocument,
    "\n  query StoppedWebhooks {\n    stoppedWebhooks {\n      id\n      description\n      host\n      disabledReason\n      disabledAt\n      failingSince\n      lastError\n    }\n  }\n": types.StoppedWebhooksDocument,
    "\n  fragment FirmFields on Firm {\n    id\n    slug\n    name\n    nameEn\n    website\n    isPartner\n    createdAt\n    disclaimerTemplates {\n      id\n      version\n      body\n      effectiveFrom\n      checksum\n      createdAt\n    }\n  }\n": types.FirmFieldsFragmentDoc,
    "\n  query Firms($first: Int, $after: String, $ids: [ID!], $search: String) {\n    firms(first: $first, after: $after, ids: $ids, search: $search) {\n      nodes {\n        ...FirmFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.FirmsDocument,
    "\n  query Firm($id: ID!) {\n    firm(id: $id) {\n      ...FirmFields\n    }\n  }\n": types.FirmDocument,
    "\n  mutation CreateFirm($input: CreateFirmInput!) {\n    createFirm(input: $input) {\n      ...FirmFields\n    }\n  }\n": types.CreateFirmDocument,
    "\n  mutation UpdateFirm($id: ID!, $input: UpdateFirmInput!) {\n    updateFirm(id: $id, input: $input) {\n      ...FirmFields\n    }\n  }\n": types.UpdateFirmDocument,
    "\n  mutation CreateDisclaimerTemplate($firmId: ID!, $body: String!, $effectiveFrom: DateTimeISO) {\n    createDisclaimerTemplate(firmId: $firmId, body: $body, effectiveFrom: $effectiveFrom) {\n      id\n      version\n    }\n  }\n": types.CreateDisclaimerTemplateDocument,
    "\n  fragment ReportFields on Report {\n    id\n    slug\n    title\n    subject\n    summary\n    body\n    language\n    status\n    version\n    publishedAt\n    scheduledAt\n    correctedAt\n    correctionNote\n    createdAt\n    updatedAt\n    firm {\n      id\n      name\n      currentDisclaimerTemplate {\n        id\n        version\n        body\n        effectiveFrom\n      }\n    }\n    analysts {\n      id\n      name\n      title\n    }\n    sectorTags {\n      id\n      name\n    }\n    disclaimer {\n      id\n      text\n      templateVersion\n      checksum\n      contentChecksum\n      reviewStatus\n      reviewNote\n      reviewedAt\n      reviewedBy {\n        name\n      }\n      attachedAt\n      attachedBy {\n        id\n      }\n    }\n    workingCopy {\n      status\n      version\n      title\n      subject\n      summary\n      body\n      language\n      correctionNote\n      updatedAt\n      analysts {\n        id\n        name\n        title\n      }\n      sectorTags {\n        id\n        name\n      }\n      disclaimer {\n        id\n        text\n        templateVersion\n        checksum\n        reviewStatus\n        reviewNote\n        attachedBy {\n          id\n        }\n      }\n      createdBy {\n        id\n        name\n      }\n      updatedBy {\n        id\n        name\n      }\n    }\n    rejection {\n      reviewNote\n      reviewedAt\n      reviewedBy {\n        name\n      }\n      templateVersion\n    }\n    retraction {\n      reason\n      at\n    }\n    scheduleBlock {\n      at\n      reason\n    }\n    createdBy {\n      id\n      name\n    }\n    updatedBy {\n      id\n      name\n    }\n  }\n": types.ReportFieldsFragmentDoc,
    "\n  query Reports($first: Int, $after: String, $filter: ReportFilter, $orderBy: ReportOrder) {\n    reports(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      nodes {\n        ...ReportFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ReportsDocument,
    "\n  query Report($id: ID!) {\n    report(id: $id) {\n      ...ReportFields\n    }\n  }\n": types.ReportDocument,
    "\n  mutation CreateReport($input: CreateReportInput!) {\n    createReport(input: $input) {\n      ...ReportFields\n    }\n  }\n": types.CreateReportDocument,
    "\n  mutation UpdateReport($id: ID!, $input: UpdateReportInput!, $expectedVersion: Int!) {\n    updateReport(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      ...ReportFields\n    }\n  }\n": types.UpdateReportDocument,
    "\n  mutation DeleteReport($id: ID!) {\n    deleteReport(id: $id)\n  }\n": types.DeleteReportDocument,
    "\n  mutation AttachDisclaimer($id: ID!) {\n    result: attachDisclaimer(reportId: $id) {\n      ...ReportFields\n    }\n  }\n": types.AttachDisclaimerDocument,
    "\n  mutation SubmitForReview($id: ID!, $correctionNote: String) {\n    result: submitForReview(reportId: $id, correctionNote: $correctionNote) {\n      ...ReportFields\n    }\n  }\n": types.SubmitForReviewDocument,
    "\n  mutation WithdrawReport($id: ID!) {\n    result: withdrawReport(reportId: $id) {\n      ...ReportFields\n    }\n  }\n": types.WithdrawReportDocument,
    "\n  mutation ApproveDisclaimer($id: ID!, $note: String) {\n    result: approveDisclaimer(reportId: $id, note: $note) {\n      ...ReportFields\n    }\n  }\n": types.ApproveDisclaimerDocument,
    "\n  mutation RejectDisclaimer($id: ID!, $note: String!) {\n    result: rejectDisclaimer(reportId: $id, note: $note) {\n      ...ReportFields\n    }\n  }\n": types.RejectDisclaimerDocument,
    "\n  mutation PublishReport($id: ID!, $at: DateTimeISO) {\n    result: publishReport(reportId: $id, at: $at) {\n      ...ReportFields\n    }\n  }\n": types.PublishReportDocument,
    "\n  mutation UnscheduleReport($id: ID!) {\n    result: unscheduleReport(reportId: $id) {\n      ...ReportFields\n    }\n  }\n": types.UnscheduleReportDocument,
    "\n  mutation RetractReport($id: ID!, $reason: String!) {\n    result: retractReport(reportId: $id, reason: $reason) {\n      ...ReportFields\n    }\n  }\n": types.RetractReportDocument,
    "\n  query ReportHistory($id: ID!) {\n    report(id: $id) {\n      id\n      revisions {\n        id\n        number\n        createdAt\n        content {\n          title\n          subject\n          summary\n          body\n          language\n        }\n      }\n      publicationPeriods {\n        contentChecksum\n        disclaimerChecksum\n        correctionNote\n        revisionId\n        liveFrom\n        liveUntil\n      }\n      auditTrail(first: 100) {\n        nodes {\n          id\n          at\n          actorEmail\n          action\n          before\n          after\n        }\n      }\n    }\n  }\n": types.ReportHistoryDocument,
    "\n  query ReportRevisionDiff($from: ID!, $to: ID!) {\n    reportRevisionDiff(fromRevisionId: $from, toRevisionId: $to) {\n      field\n      before\n      after\n    }\n  }\n": types.ReportRevisionDiffDocument,
    "\n  query ReviewQueue($first: Int, $after: String, $counted: Boolean!) {\n    page: reviewQueue(first: $first, after: $after) {\n      nodes {\n        reportId\n        correction\n        title\n        differsFromCurrent\n        submittedAt\n        author {\n          id\n          name\n        }\n        report {\n          id\n          firm {\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount @include(if: $counted)\n    }\n  }\n": types.ReviewQueueDocument,
    "\n  fragment SectorTagFields on SectorTag {\n    id\n    slug\n    name\n    nameEn\n  }\n": types.SectorTagFieldsFragmentDoc,
    "\n  query SectorTags($first: Int, $after: String, $ids: [ID!], $search: String) {\n    sectorTags(first: $first, after: $after, ids: $ids, search: $search) {\n      nodes {\n        ...SectorTagFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.SectorTagsDocument,
    "\n  query SectorTag($id: ID!) {\n    sectorTag(id: $id) {\n      ...SectorTagFields\n    }\n  }\n": types.SectorTagDocument,
    "\n  mutation CreateSectorTag($input: CreateSectorTagInput!) {\n    createSectorTag(input: $input) {\n      ...SectorTagFields\n    }\n  }\n": types.CreateSectorTagDocument,
    "\n  mutation UpdateSectorTag($id: ID!, $input: UpdateSectorTagInput!) {\n    updateSectorTag(id: $id, input: $input) {\n      ...SectorTagFields\n    }\n  }\n": types.UpdateSectorTagDocument,
    "\n  fragment UserFields on User {\n    id\n    email\n    name\n    role\n    disabledAt\n    createdAt\n  }\n": types.UserFieldsFragmentDoc,
    "\n  query Users($first: Int, $after: String, $ids: [ID!], $search: String) {\n    users(first: $first, after: $after, ids: $ids, search: $search) {\n      nodes {\n        ...UserFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.UsersDocument,
    "\n  query User($id: ID!) {\n    user(id: $id) {\n      ...UserFields\n    }\n  }\n": types.UserDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...UserFields\n    }\n  }\n": types.CreateUserDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      ...UserFields\n    }\n  }\n": types.UpdateUserDocument,
    "\n  fragment WebhookFields on WebhookNode {\n    id\n    url\n    description\n    eventTypes\n    firmIds\n    sectorTagIds\n    enabled\n    disabledReason\n    disabledAt\n    failingSince\n    secretRotatedAt\n    previousSecretUntil\n    createdAt\n  }\n": types.WebhookFieldsFragmentDoc,
    "\n  query Webhooks {\n    webhooks {\n      ...WebhookFields\n    }\n  }\n": types.WebhooksDocument,
    "\n  query Webhook($id: ID!) {\n    webhook(id: $id) {\n      ...WebhookFields\n    }\n  }\n": types.WebhookDocument,
    "\n  mutation CreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) {\n      secret\n      webhook {\n        ...WebhookFields\n      }\n    }\n  }\n": types.CreateWebhookDocument,
    "\n  mutation UpdateWebhook($id: ID!, $input: UpdateWebhookInput!) {\n    updateWebhook(id: $id, input: $input) {\n      ...WebhookFields\n    }\n  }\n": types.UpdateWebhookDocument,
    "\n  mutation DeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id) {\n      id\n    }\n  }\n": types.DeleteWebhookDocument,
    "\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n      webhook {\n        ...WebhookFields\n      }\n    }\n  }\n": types.RotateWebhookSecretDocument,
    "\n  mutation SendTestWebhook($webhookId: ID!) {\n    sendTestWebhook(webhookId: $webhookId) {\n      id\n    }\n  }\n": types.SendTestWebhookDocument,
    "\n  mutation RedeliverWebhookEvent($webhookId: ID!, $eventId: ID!) {\n    redeliverWebhookEvent(webhookId: $webhookId, eventId: $eventId) {\n      id\n    }\n  }\n": types.RedeliverWebhookEventDocument,
    "\n  query WebhookDeliveries($webhookId: ID!, $first: Int, $after: String, $counted: Boolean!, $filter: WebhookDeliveryFilterInput) {\n    page: webhookDeliveries(webhookId: $webhookId, first: $first, after: $after, filter: $filter) {\n      nodes {\n        id\n        type\n        eventId\n        status\n        attempts\n        nextAttemptAt\n        createdAt\n        finishedAt\n        lastStatusCode\n        lastError\n        report {\n          id\n          title\n        }\n        attemptLog {\n          id\n          attempt\n          at\n          statusCode\n          durationMs\n          error\n          responseHead\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount @include(if: $counted)\n    }\n  }\n": types.WebhookDeliveriesDocument,
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
export function graphql(source: "\n  fragment AnalystFields on Analyst {\n    id\n    slug\n    name\n    nameEn\n    title\n    email\n    firm {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment AnalystFields on Analyst {\n    id\n    slug\n    name\n    nameEn\n    title\n    email\n    firm {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Analysts($first: Int, $after: String, $firmId: ID, $ids: [ID!], $search: String) {\n    analysts(first: $first, after: $after, firmId: $firmId, ids: $ids, search: $search) {\n      nodes {\n        ...AnalystFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Analysts($first: Int, $after: String, $firmId: ID, $ids: [ID!], $search: String) {\n    analysts(first: $first, after: $after, firmId: $firmId, ids: $ids, search: $search) {\n      nodes {\n        ...AnalystFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Analyst($id: ID!) {\n    analyst(id: $id) {\n      ...AnalystFields\n    }\n  }\n"): (typeof documents)["\n  query Analyst($id: ID!) {\n    analyst(id: $id) {\n      ...AnalystFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAnalyst($input: CreateAnalystInput!) {\n    createAnalyst(input: $input) {\n      ...AnalystFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateAnalyst($input: CreateAnalystInput!) {\n    createAnalyst(input: $input) {\n      ...AnalystFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAnalyst($id: ID!, $input: UpdateAnalystInput!) {\n    updateAnalyst(id: $id, input: $input) {\n      ...AnalystFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateAnalyst($id: ID!, $input: UpdateAnalystInput!) {\n    updateAnalyst(id: $id, input: $input) {\n      ...AnalystFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditEvents($first: Int, $after: String, $filter: AuditFilter) {\n    auditEvents(first: $first, after: $after, filter: $filter) {\n      nodes {\n        id\n        at\n        actor {\n          id\n          name\n        }\n        actorEmail\n        action\n        entityType\n        entityId\n        entityTitle\n        entityFirmId\n        before\n        after\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditEvents($first: Int, $after: String, $filter: AuditFilter) {\n    auditEvents(first: $first, after: $after, filter: $filter) {\n      nodes {\n        id\n        at\n        actor {\n          id\n          name\n        }\n        actorEmail\n        action\n        entityType\n        entityId\n        entityTitle\n        entityFirmId\n        before\n        after\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditActions {\n    auditActions\n  }\n"): (typeof documents)["\n  query AuditActions {\n    auditActions\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      email\n      name\n      role\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      email\n      name\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      user {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      user {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ComplianceIssues($first: Int, $after: String, $counted: Boolean!, $filter: ComplianceFilterInput) {\n    page: complianceIssues(first: $first, after: $after, filter: $filter) {\n      nodes {\n        reportId\n        kind\n        since\n        reason\n        rule\n        disclaimer {\n          templateVersion\n        }\n        currentTemplate {\n          version\n        }\n        report {\n          id\n          title\n          status\n          firm {\n            name\n          }\n          workingCopy {\n            status\n            disclaimer {\n              templateVersion\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount @include(if: $counted)\n    }\n  }\n"): (typeof documents)["\n  query ComplianceIssues($first: Int, $after: String, $counted: Boolean!, $filter: ComplianceFilterInput) {\n    page: complianceIssues(first: $first, after: $after, filter: $filter) {\n      nodes {\n        reportId\n        kind\n        since\n        reason\n        rule\n        disclaimer {\n          templateVersion\n        }\n        currentTemplate {\n          version\n        }\n        report {\n          id\n          title\n          status\n          firm {\n            name\n          }\n          workingCopy {\n            status\n            disclaimer {\n              templateVersion\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount @include(if: $counted)\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenewOutdatedDisclaimers($firmId: ID!, $after: String, $first: Int) {\n    renewOutdatedDisclaimers(firmId: $firmId, after: $after, first: $first) {\n      renewed\n      skipped {\n        reportId\n        reason\n      }\n      endCursor\n      hasMore\n    }\n  }\n"): (typeof documents)["\n  mutation RenewOutdatedDisclaimers($firmId: ID!, $after: String, $first: Int) {\n    renewOutdatedDisclaimers(firmId: $firmId, after: $after, first: $first) {\n      renewed\n      skipped {\n        reportId\n        reason\n      }\n      endCursor\n      hasMore\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StoppedWebhooks {\n    stoppedWebhooks {\n      id\n      description\n      host\n      disabledReason\n      disabledAt\n      failingSince\n      lastError\n    }\n  }\n"): (typeof documents)["\n  query StoppedWebhooks {\n    stoppedWebhooks {\n      id\n      description\n      host\n      disabledReason\n      disabledAt\n      failingSince\n      lastError\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FirmFields on Firm {\n    id\n    slug\n    name\n    nameEn\n    website\n    isPartner\n    createdAt\n    disclaimerTemplates {\n      id\n      version\n      body\n      effectiveFrom\n      checksum\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  fragment FirmFields on Firm {\n    id\n    slug\n    name\n    nameEn\n    website\n    isPartner\n    createdAt\n    disclaimerTemplates {\n      id\n      version\n      body\n      effectiveFrom\n      checksum\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Firms($first: Int, $after: String, $ids: [ID!], $search: String) {\n    firms(first: $first, after: $after, ids: $ids, search: $search) {\n      nodes {\n        ...FirmFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Firms($first: Int, $after: String, $ids: [ID!], $search: String) {\n    firms(first: $first, after: $after, ids: $ids, search: $search) {\n      nodes {\n        ...FirmFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Firm($id: ID!) {\n    firm(id: $id) {\n      ...FirmFields\n    }\n  }\n"): (typeof documents)["\n  query Firm($id: ID!) {\n    firm(id: $id) {\n      ...FirmFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateFirm($input: CreateFirmInput!) {\n    createFirm(input: $input) {\n      ...FirmFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateFirm($input: CreateFirmInput!) {\n    createFirm(input: $input) {\n      ...FirmFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateFirm($id: ID!, $input: UpdateFirmInput!) {\n    updateFirm(id: $id, input: $input) {\n      ...FirmFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateFirm($id: ID!, $input: UpdateFirmInput!) {\n    updateFirm(id: $id, input: $input) {\n      ...FirmFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateDisclaimerTemplate($firmId: ID!, $body: String!, $effectiveFrom: DateTimeISO) {\n    createDisclaimerTemplate(firmId: $firmId, body: $body, effectiveFrom: $effectiveFrom) {\n      id\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation CreateDisclaimerTemplate($firmId: ID!, $body: String!, $effectiveFrom: DateTimeISO) {\n    createDisclaimerTemplate(firmId: $firmId, body: $body, effectiveFrom: $effectiveFrom) {\n      id\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReportFields on Report {\n    id\n    slug\n    title\n    subject\n    summary\n    body\n    language\n    status\n    version\n    publishedAt\n    scheduledAt\n    correctedAt\n    correctionNote\n    createdAt\n    updatedAt\n    firm {\n      id\n      name\n      currentDisclaimerTemplate {\n        id\n        version\n        body\n        effectiveFrom\n      }\n    }\n    analysts {\n      id\n      name\n      title\n    }\n    sectorTags {\n      id\n      name\n    }\n    disclaimer {\n      id\n      text\n      templateVersion\n      checksum\n      contentChecksum\n      reviewStatus\n      reviewNote\n      reviewedAt\n      reviewedBy {\n        name\n      }\n      attachedAt\n      attachedBy {\n        id\n      }\n    }\n    workingCopy {\n      status\n      version\n      title\n      subject\n      summary\n      body\n      language\n      correctionNote\n      updatedAt\n      analysts {\n        id\n        name\n        title\n      }\n      sectorTags {\n        id\n        name\n      }\n      disclaimer {\n        id\n        text\n        templateVersion\n        checksum\n        reviewStatus\n        reviewNote\n        attachedBy {\n          id\n        }\n      }\n      createdBy {\n        id\n        name\n      }\n      updatedBy {\n        id\n        name\n      }\n    }\n    rejection {\n      reviewNote\n      reviewedAt\n      reviewedBy {\n        name\n      }\n      templateVersion\n    }\n    retraction {\n      reason\n      at\n    }\n    scheduleBlock {\n      at\n      reason\n    }\n    createdBy {\n      id\n      name\n    }\n    updatedBy {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment ReportFields on Report {\n    id\n    slug\n    title\n    subject\n    summary\n    body\n    language\n    status\n    version\n    publishedAt\n    scheduledAt\n    correctedAt\n    correctionNote\n    createdAt\n    updatedAt\n    firm {\n      id\n      name\n      currentDisclaimerTemplate {\n        id\n        version\n        body\n        effectiveFrom\n      }\n    }\n    analysts {\n      id\n      name\n      title\n    }\n    sectorTags {\n      id\n      name\n    }\n    disclaimer {\n      id\n      text\n      templateVersion\n      checksum\n      contentChecksum\n      reviewStatus\n      reviewNote\n      reviewedAt\n      reviewedBy {\n        name\n      }\n      attachedAt\n      attachedBy {\n        id\n      }\n    }\n    workingCopy {\n      status\n      version\n      title\n      subject\n      summary\n      body\n      language\n      correctionNote\n      updatedAt\n      analysts {\n        id\n        name\n        title\n      }\n      sectorTags {\n        id\n        name\n      }\n      disclaimer {\n        id\n        text\n        templateVersion\n        checksum\n        reviewStatus\n        reviewNote\n        attachedBy {\n          id\n        }\n      }\n      createdBy {\n        id\n        name\n      }\n      updatedBy {\n        id\n        name\n      }\n    }\n    rejection {\n      reviewNote\n      reviewedAt\n      reviewedBy {\n        name\n      }\n      templateVersion\n    }\n    retraction {\n      reason\n      at\n    }\n    scheduleBlock {\n      at\n      reason\n    }\n    createdBy {\n      id\n      name\n    }\n    updatedBy {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Reports($first: Int, $after: String, $filter: ReportFilter, $orderBy: ReportOrder) {\n    reports(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      nodes {\n        ...ReportFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Reports($first: Int, $after: String, $filter: ReportFilter, $orderBy: ReportOrder) {\n    reports(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      nodes {\n        ...ReportFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Report($id: ID!) {\n    report(id: $id) {\n      ...ReportFields\n    }\n  }\n"): (typeof documents)["\n  query Report($id: ID!) {\n    report(id: $id) {\n      ...ReportFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateReport($input: CreateReportInput!) {\n    createReport(input: $input) {\n      ...ReportFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateReport($input: CreateReportInput!) {\n    createReport(input: $input) {\n      ...ReportFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateReport($id: ID!, $input: UpdateReportInput!, $expectedVersion: Int!) {\n    updateReport(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      ...ReportFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateReport($id: ID!, $input: UpdateReportInput!, $expectedVersion: Int!) {\n    updateReport(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      ...ReportFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteReport($id: ID!) {\n    deleteReport(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteReport($id: ID!) {\n    deleteReport(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AttachDisclaimer($id: ID!) {\n    result: attachDisclaimer(reportId: $id) {\n      ...ReportFields\n    }\n  }\n"): (typeof documents)["\n  mutation AttachDisclaimer($id: ID!) {\n    result: attachDisclaimer(reportId: $id) {\n      ...ReportFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitForReview($id: ID!, $correctionNote: String) {\n    result: submitForReview(reportId: $id, correctionNote: $correctionNote) {\n      ...ReportFields\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitForReview($id: ID!, $correctionNote: String) {\n    result: submitForReview(reportId: $id, correctionNote: $correctionNote) {\n      ...ReportFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawReport($id: ID!) {\n    result: withdrawReport(reportId: $id) {\n      ...ReportFields\n    }\n  }\n"): (typeof documents)["\n  mutation WithdrawReport($id: ID!) {\n    result: withdrawReport(reportId: $id) {\n      ...ReportFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveDisclaimer($id: ID!, $note: String) {\n    result: approveDisclaimer(reportId: $id, note: $note) {\n      ...ReportFields\n    }\n  }\n"): (typeof documents)["\n  mutation ApproveDisclaimer($id: ID!, $note: String) {\n    result: approveDisclaimer(reportId: $id, note: $note) {\n      ...ReportFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectDisclaimer($id: ID!, $note: String!) {\n    result: rejectDisclaimer(reportId: $id, note: $note) {\n      ...ReportFields\n    }\n  }\n"): (typeof documents)["\n  mutation RejectDisclaimer($id: ID!, $note: String!) {\n    result: rejectDisclaimer(reportId: $id, note: $note) {\n      ...ReportFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishReport($id: ID!, $at: DateTimeISO) {\n    result: publishReport(reportId: $id, at: $at) {\n      ...ReportFields\n    }\n  }\n"): (typeof documents)["\n  mutation PublishReport($id: ID!, $at: DateTimeISO) {\n    result: publishReport(reportId: $id, at: $at) {\n      ...ReportFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnscheduleReport($id: ID!) {\n    result: unscheduleReport(reportId: $id) {\n      ...ReportFields\n    }\n  }\n"): (typeof documents)["\n  mutation UnscheduleReport($id: ID!) {\n    result: unscheduleReport(reportId: $id) {\n      ...ReportFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetractReport($id: ID!, $reason: String!) {\n    result: retractReport(reportId: $id, reason: $reason) {\n      ...ReportFields\n    }\n  }\n"): (typeof documents)["\n  mutation RetractReport($id: ID!, $reason: String!) {\n    result: retractReport(reportId: $id, reason: $reason) {\n      ...ReportFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportHistory($id: ID!) {\n    report(id: $id) {\n      id\n      revisions {\n        id\n        number\n        createdAt\n        content {\n          title\n          subject\n          summary\n          body\n          language\n        }\n      }\n      publicationPeriods {\n        contentChecksum\n        disclaimerChecksum\n        correctionNote\n        revisionId\n        liveFrom\n        liveUntil\n      }\n      auditTrail(first: 100) {\n        nodes {\n          id\n          at\n          actorEmail\n          action\n          before\n          after\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReportHistory($id: ID!) {\n    report(id: $id) {\n      id\n      revisions {\n        id\n        number\n        createdAt\n        content {\n          title\n          subject\n          summary\n          body\n          language\n        }\n      }\n      publicationPeriods {\n        contentChecksum\n        disclaimerChecksum\n        correctionNote\n        revisionId\n        liveFrom\n        liveUntil\n      }\n      auditTrail(first: 100) {\n        nodes {\n          id\n          at\n          actorEmail\n          action\n          before\n          after\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportRevisionDiff($from: ID!, $to: ID!) {\n    reportRevisionDiff(fromRevisionId: $from, toRevisionId: $to) {\n      field\n      before\n      after\n    }\n  }\n"): (typeof documents)["\n  query ReportRevisionDiff($from: ID!, $to: ID!) {\n    reportRevisionDiff(fromRevisionId: $from, toRevisionId: $to) {\n      field\n      before\n      after\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewQueue($first: Int, $after: String, $counted: Boolean!) {\n    page: reviewQueue(first: $first, after: $after) {\n      nodes {\n        reportId\n        correction\n        title\n        differsFromCurrent\n        submittedAt\n        author {\n          id\n          name\n        }\n        report {\n          id\n          firm {\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount @include(if: $counted)\n    }\n  }\n"): (typeof documents)["\n  query ReviewQueue($first: Int, $after: String, $counted: Boolean!) {\n    page: reviewQueue(first: $first, after: $after) {\n      nodes {\n        reportId\n        correction\n        title\n        differsFromCurrent\n        submittedAt\n        author {\n          id\n          name\n        }\n        report {\n          id\n          firm {\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount @include(if: $counted)\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SectorTagFields on SectorTag {\n    id\n    slug\n    name\n    nameEn\n  }\n"): (typeof documents)["\n  fragment SectorTagFields on SectorTag {\n    id\n    slug\n    name\n    nameEn\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SectorTags($first: Int, $after: String, $ids: [ID!], $search: String) {\n    sectorTags(first: $first, after: $after, ids: $ids, search: $search) {\n      nodes {\n        ...SectorTagFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query SectorTags($first: Int, $after: String, $ids: [ID!], $search: String) {\n    sectorTags(first: $first, after: $after, ids: $ids, search: $search) {\n      nodes {\n        ...SectorTagFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SectorTag($id: ID!) {\n    sectorTag(id: $id) {\n      ...SectorTagFields\n    }\n  }\n"): (typeof documents)["\n  query SectorTag($id: ID!) {\n    sectorTag(id: $id) {\n      ...SectorTagFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSectorTag($input: CreateSectorTagInput!) {\n    createSectorTag(input: $input) {\n      ...SectorTagFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateSectorTag($input: CreateSectorTagInput!) {\n    createSectorTag(input: $input) {\n      ...SectorTagFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSectorTag($id: ID!, $input: UpdateSectorTagInput!) {\n    updateSectorTag(id: $id, input: $input) {\n      ...SectorTagFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateSectorTag($id: ID!, $input: UpdateSectorTagInput!) {\n    updateSectorTag(id: $id, input: $input) {\n      ...SectorTagFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserFields on User {\n    id\n    email\n    name\n    role\n    disabledAt\n    createdAt\n  }\n"): (typeof documents)["\n  fragment UserFields on User {\n    id\n    email\n    name\n    role\n    disabledAt\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users($first: Int, $after: String, $ids: [ID!], $search: String) {\n    users(first: $first, after: $after, ids: $ids, search: $search) {\n      nodes {\n        ...UserFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Users($first: Int, $after: String, $ids: [ID!], $search: String) {\n    users(first: $first, after: $after, ids: $ids, search: $search) {\n      nodes {\n        ...UserFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query User($id: ID!) {\n    user(id: $id) {\n      ...UserFields\n    }\n  }\n"): (typeof documents)["\n  query User($id: ID!) {\n    user(id: $id) {\n      ...UserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...UserFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...UserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      ...UserFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      ...UserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WebhookFields on WebhookNode {\n    id\n    url\n    description\n    eventTypes\n    firmIds\n    sectorTagIds\n    enabled\n    disabledReason\n    disabledAt\n    failingSince\n    secretRotatedAt\n    previousSecretUntil\n    createdAt\n  }\n"): (typeof documents)["\n  fragment WebhookFields on WebhookNode {\n    id\n    url\n    description\n    eventTypes\n    firmIds\n    sectorTagIds\n    enabled\n    disabledReason\n    disabledAt\n    failingSince\n    secretRotatedAt\n    previousSecretUntil\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Webhooks {\n    webhooks {\n      ...WebhookFields\n    }\n  }\n"): (typeof documents)["\n  query Webhooks {\n    webhooks {\n      ...WebhookFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Webhook($id: ID!) {\n    webhook(id: $id) {\n      ...WebhookFields\n    }\n  }\n"): (typeof documents)["\n  query Webhook($id: ID!) {\n    webhook(id: $id) {\n      ...WebhookFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) {\n      secret\n      webhook {\n        ...WebhookFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) {\n      secret\n      webhook {\n        ...WebhookFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateWebhook($id: ID!, $input: UpdateWebhookInput!) {\n    updateWebhook(id: $id, input: $input) {\n      ...WebhookFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateWebhook($id: ID!, $input: UpdateWebhookInput!) {\n    updateWebhook(id: $id, input: $input) {\n      ...WebhookFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n      webhook {\n        ...WebhookFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n      webhook {\n        ...WebhookFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendTestWebhook($webhookId: ID!) {\n    sendTestWebhook(webhookId: $webhookId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation SendTestWebhook($webhookId: ID!) {\n    sendTestWebhook(webhookId: $webhookId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedeliverWebhookEvent($webhookId: ID!, $eventId: ID!) {\n    redeliverWebhookEvent(webhookId: $webhookId, eventId: $eventId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RedeliverWebhookEvent($webhookId: ID!, $eventId: ID!) {\n    redeliverWebhookEvent(webhookId: $webhookId, eventId: $eventId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookDeliveries($webhookId: ID!, $first: Int, $after: String, $counted: Boolean!, $filter: WebhookDeliveryFilterInput) {\n    page: webhookDeliveries(webhookId: $webhookId, first: $first, after: $after, filter: $filter) {\n      nodes {\n        id\n        type\n        eventId\n        status\n        attempts\n        nextAttemptAt\n        createdAt\n        finishedAt\n        lastStatusCode\n        lastError\n        report {\n          id\n          title\n        }\n        attemptLog {\n          id\n          attempt\n          at\n          statusCode\n          durationMs\n          error\n          responseHead\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount @include(if: $counted)\n    }\n  }\n"): (typeof documents)["\n  query WebhookDeliveries($webhookId: ID!, $first: Int, $after: String, $counted: Boolean!, $filter: WebhookDeliveryFilterInput) {\n    page: webhookDeliveries(webhookId: $webhookId, first: $first, after: $after, filter: $filter) {\n      nodes {\n        id\n        type\n        eventId\n        status\n        attempts\n        nextAttemptAt\n        createdAt\n        finishedAt\n        lastStatusCode\n        lastError\n        report {\n          id\n          title\n        }\n        attemptLog {\n          id\n          attempt\n          at\n          statusCode\n          durationMs\n          error\n          responseHead\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount @include(if: $counted)\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;