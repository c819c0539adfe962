/**
 * SQL that copies every published report `copies` times, each with its own approved disclaimer
 * snapshot, authors and tags, published a minute earlier per copy; its last statement counts the
 * published reports. Run it while no server holds the database (the embedded one has one client).
 */
export const copyPublishedReports = (copies: number): string => `
  CREATE TEMP TABLE copies AS
    SELECT r.id AS source, gen_random_uuid() AS id, g AS n
    FROM reports r, generate_series(1, ${copies}) g WHERE r.status = 'PUBLISHED';
  INSERT INTO reports (id, slug, title, subject, summary, body, language, firm_id)
    SELECT c.id, r.slug || '-copy-' || c.n, r.title || ' (' || c.n || ')', r.subject, r.summary, r.body, r.language, r.firm_id
    FROM copies c JOIN reports r ON r.id = c.source;
  INSERT INTO disclaimer_snapshots (report_id, template_id, template_version, text, checksum, review_status, reviewed_by_id, reviewed_at)
    SELECT c.id, s.template_id, s.template_version, s.text, s.checksum, 'APPROVED', s.reviewed_by_id, s.reviewed_at
    FROM copies c JOIN reports r ON r.id = c.source JOIN disclaimer_snapshots s ON s.id = r.disclaimer_id;
  INSERT INTO report_analysts (report_id, analyst_id, position)
    SELECT c.id, ra.analyst_id, ra.position FROM copies c JOIN report_analysts ra ON ra.report_id = c.source;
  INSERT INTO report_sector_tags (report_id, sector_tag_id)
    SELECT c.id, rt.sector_tag_id FROM copies c JOIN report_sector_tags rt ON rt.report_id = c.source;
  UPDATE reports x SET status = 'PUBLISHED', published_at = r.published_at - c.n * interval '1 minute', disclaimer_id = s.id
    FROM copies c JOIN reports r ON r.id = c.source JOIN disclaimer_snapshots s ON s.report_id = c.id
    WHERE x.id = c.id;
  SELECT count(*)::int AS n FROM reports WHERE status = 'PUBLISHED';
`;
