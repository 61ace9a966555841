-- params: $seq, $at_utc, $actor, $role, $event, $subject, $file_name, $sha256, $rows_added, $rows_updated, $rows_unchanged, $outcome, $problems, $detail, $prev_hash, $row_hash
INSERT INTO audit_log VALUES ($seq, $at_utc, $actor, $role, $event, $subject, $file_name, $sha256, $rows_added,
                              $rows_updated, $rows_unchanged, $outcome, $problems, $detail, $prev_hash, $row_hash)
