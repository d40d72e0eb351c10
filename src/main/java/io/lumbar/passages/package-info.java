/**
 * Passages as readers and editors see them. Public: {@code GET /api/passages/{id}} and {@code
 * /passages/{id}} ({@code PassageRoutes}, {@code PassageDao}, {@code PassagePage}). Console: the
 * list with its filters, the edit page, conflicts, history and revert, bulk tagging ({@code
 * AdminPassageRoutes}, {@code PassageList}, {@code BulkTagger}). {@link
 * io.lumbar.passages.PassageEditor} is the one writer of a passage's content: every save is one
 * transaction with its revision, audit entry and change-log row. A save also teaches import's site
 * template through {@link io.lumbar.passages.EditorDecisions}, which the wiring hands in, so this
 * package does not depend on {@code importing/}, which builds on it.
 *
 * <p>May depend on {@code search/}, {@code tagging/}, {@code accounts/}, {@code audit/}, {@code
 * indexing/}, {@code web/}, {@code db/}.
 */
package io.lumbar.passages;
