-- Remove a saved mapping before it is saved again under the same name.
-- params: $name, $kind
DELETE FROM column_mappings WHERE name = $name AND kind = $kind
