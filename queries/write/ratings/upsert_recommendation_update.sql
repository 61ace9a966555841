-- Progress reported on a recommendation on a date; reported again on the same date, it is replaced.
-- params: $inspection_id, $number, $update_date, $narrative, $brag, $source
INSERT INTO recommendation_updates (inspection_id, number, update_date, narrative, brag, source)
VALUES ($inspection_id, $number, $update_date, $narrative, $brag, $source)
ON CONFLICT (inspection_id, number, update_date) DO UPDATE SET
    narrative = excluded.narrative, brag = excluded.brag, source = excluded.source
