/**
 * Measuring search: the {@code eval} command scores a judged query file with score.py's rules
 * (nDCG@10, MRR@10) against baselines (Lucene with StandardAnalyzer and EnglishAnalyzer, MariaDB
 * full-text), with ablation of each ranking feature; {@code eval-import} scores import against
 * labelled pages. In bench/'s jar, not the server's: it only measures.
 *
 * <p>May depend on {@code cli/}, {@code config/}, {@code search/}, {@code semantic/}, {@code
 * importing/}, {@code indexing/}, {@code web/}, {@code db/}, and {@code scratch/}.
 */
package io.lumbar.relevance;
