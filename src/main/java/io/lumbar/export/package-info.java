/**
 * Getting passages out and back in: the streamed export in JSON Lines, JSON or CSV ({@code
 * ExportRoutes}, {@code PassageExport}, {@code ExportWriter}, {@code ExportFilter}), the knowledge
 * export ({@code KnowledgeExport}), the {@code export} command, and restore ({@link
 * io.lumbar.export.Restorer}, {@code RestoreCommand}).
 *
 * <p>May depend on {@code cli/} (Backend), {@code config/}, {@code passages/}, {@code importing/},
 * {@code accounts/}, {@code audit/}, {@code indexing/}, {@code web/}, {@code db/}.
 */
package io.lumbar.export;
