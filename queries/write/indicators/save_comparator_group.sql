-- Replace a saved comparator group's members (the caller deletes the old members first).
-- params: $name, $areas, $saved_by
INSERT INTO comparator_groups (name, area, saved_by, saved_at)
SELECT $name, unnest($areas::VARCHAR[]), $saved_by, now()
