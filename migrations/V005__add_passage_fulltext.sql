-- MariaDB's own full-text index over passage text. Public search runs on Lucene; this serves the editors'
-- passage search across every status (pending and rejected passages are not in Lucene) and is the
-- MATCH ... AGAINST baseline that `lumbar eval` and the benchmarks compare Lumbar with.
ALTER TABLE passages ADD FULLTEXT INDEX ft_passages_text (text);
