-- The meeting page in one statement: the same JSON as motebok's answer to
-- meeting_page.graphql for the secretariat ($1 = year, $2 = number in the year).
SELECT json_build_object('data', json_build_object('meeting', (
  SELECT json_build_object(
    'id', m.id::text,
    'code', m.number || '/' || m.year,
    'date', m.date,
    'status', upper(m.status),
    'minutesStatus', upper(m.minutes_status),
    'location', m.location,
    'saker', coalesce((
      SELECT json_agg(json_build_object(
        'id', s.id::text,
        'code', s.number || '/' || m.number || '/' || m.year,
        'title', s.title,
        'types', (SELECT coalesce(json_agg(upper(trim(t)) ORDER BY o), '[]')
                  FROM unnest(string_to_array(s.types, ',')) WITH ORDINALITY AS u(t, o)
                  WHERE trim(t) <> ''),
        'status', upper(s.status),
        'proposedVedtak', s.proposed_vedtak,
        'vedtak', s.vedtak,
        'from', (SELECT json_build_object('id', p.id::text, 'name', p.name)
                 FROM person p WHERE p.id = s.from_person_id),
        'caseOfficers', coalesce((
          SELECT json_agg(json_build_object('id', p.id::text, 'name', p.name, 'title', p.title)
                          ORDER BY co.position)
          FROM sak_case_officer co JOIN person p ON p.id = co.person_id
          WHERE co.sak_id = s.id), '[]'),
        'attachments', coalesce((
          SELECT json_agg(json_build_object('id', a.id::text, 'number', a.number,
                            'title', a.title, 'url', a.url,
                            'hasFile', a.stored_file_id IS NOT NULL)
                          ORDER BY a.number, a.id)
          FROM attachment a WHERE a.sak_id = s.id), '[]'),
        'habilitet', coalesce((
          SELECT json_agg(json_build_object('id', c.id::text, 'outcome', upper(c.outcome),
                            'reason', c.reason, 'leftRoom', c.left_room,
                            'person', json_build_object('id', p.id::text, 'name', p.name))
                          ORDER BY c.id)
          FROM conflict_of_interest c JOIN person p ON p.id = c.person_id
          WHERE c.sak_id = s.id), '[]')
      ) ORDER BY s.position, s.number)
      FROM sak s WHERE s.meeting_id = m.id), '[]'),
    'attendance', coalesce((
      SELECT json_agg(json_build_object(
        'id', at.id::text,
        'category', upper(at.category),
        'status', upper(at.status),
        'partialNote', at.partial_note,
        'person', (SELECT json_build_object('id', p.id::text, 'name', p.name)
                   FROM person p WHERE p.id = at.person_id)
      ) ORDER BY at.position, at.id)
      FROM attendance at WHERE at.meeting_id = m.id), '[]')
  )
  FROM meeting m WHERE m.year = $1 AND m.number = $2
)))::text
