/**
 * Causes and treatments: the taxonomy ({@code Tag}, {@code TagDao}, {@code TaxonomyEditor}, the
 * console's {@code /admin/tags} pages in {@code TaxonomyRoutes}, {@code GET /api/tags} in {@code
 * TagRoutes}), tagging passages ({@link io.lumbar.tagging.PassageTagger}), tag suggestions ({@link
 * io.lumbar.tagging.TagSuggester}) and their review for a new article ({@code TagReviewRoutes}),
 * and the curated taxonomy bundled with the sample corpus ({@code BundledTaxonomy}).
 *
 * <p>May depend on {@code search/} (vocabulary, nearest passages), {@code accounts/}, {@code
 * audit/}, {@code indexing/}, {@code web/}, {@code db/}.
 */
package io.lumbar.tagging;
