/**
 * SQL that copies every published report `copies` times, each with its own disclaimer snapshot,
 * authors and tags, published a minute earlier per copy; its last statement counts the published
 * reports. The copies go through the steps the database's gate demands: inserted IN_REVIEW with a
 * PENDING snapshot attached by the source's author, approved by the source's reviewer, then
 * published. `mark` appends a word to the titles of the oldest copies before their review (a
 * live report's text cannot change afterwards). Run it while no server holds the database (the
 * embedded one has one client).
 */
export const copyPublishedReports = (copies: number, mark: { word: string; oldest: number } = { word: "", oldest: 0 }): string => `
  CREATE TEMP TABLE copies AS
    SELECT r.id AS source, gen_random_uuid() AS id, gen_random_uuid() AS snapshot, g AS n,
      r.published_at - g * interval '1 minute' AS published_at
    FROM reports r, generate_series(1, ${copies}) g WHERE r.status = 'PUBLISHED';
  INSERT INTO reports (id, slug, title, subject, summary, body, language, firm_id, status, created_by_id, updated_by_id)
    SELECT c.id, r.slug || '-copy-' || c.n, r.title || ' (' || c.n || ')', r.subject, r.summary, r.body, r.language, r.firm_id,
      'IN_REVIEW', r.created_by_id, r.updated_by_id
    FROM copies c JOIN reports r ON r.id = c.source;
  UPDATE reports SET title = title || ' ${mark.word}'
    WHERE id IN (SELECT id FROM copies ORDER BY published_at, id LIMIT ${mark.oldest});
  INSERT INTO disclaimer_snapshots (id, report_id, template_id, template_version, text, checksum, attached_by_id)
    SELECT c.snapshot, c.id, s.template_id, s.template_version, s.text, s.checksum, s.attached_by_id
    FROM copies c JOIN reports r ON r.id = c.source JOIN disclaimer_snapshots s ON s.id = r.disclaimer_id;
  UPDATE reports x SET disclaimer_id = c.snapshot FROM copies c WHERE x.id = c.id;
  UPDATE disclaimer_snapshots x SET review_status = 'APPROVED', reviewed_by_id = s.reviewed_by_id
    FROM copies c JOIN reports r ON r.id = c.source JOIN disclaimer_snapshots s ON s.id = r.disclaimer_id
    WHERE x.id = c.snapshot;
  INSERT INTO report_analysts (report_id, analyst_id, position)
    SELECT c.id, ra.analyst_id, ra.position FROM copies c JOIN report_analysts ra ON ra.report_id = c.source;
  INSERT INTO report_sector_tags (report_id, sector_tag_id)
    SELECT c.id, rt.sector_tag_id FROM copies c JOIN report_sector_tags rt ON rt.report_id = c.source;
  UPDATE reports x SET status = 'PUBLISHED', published_at = c.published_at FROM copies c WHERE x.id = c.id;
  SELECT count(*)::int AS n FROM reports WHERE status = 'PUBLISHED';
`;
