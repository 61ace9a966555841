-- Whether results keep their rows' order. An import's checks need not: each row carries its line and the
-- problems are sorted by it, and keeping the order would hold whole results in memory. Its writes do: the
-- pages' copy of the cohort is stored in order, so that a filter skips whole blocks.
-- params: $ordered
SET preserve_insertion_order = $ordered
