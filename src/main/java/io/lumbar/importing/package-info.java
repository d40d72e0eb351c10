/**
 * Turning a page or a text into passages: HTML or text to one outline ({@code HtmlOutline}, {@code
 * TextOutline}, {@code PageOutline}, with Readability4J's evidence), the rules that judge each
 * block ({@code BlockClassifier}, {@code BoilerplateRules} and the rule classes beside it, {@code
 * SiteTemplate}, which also learns from editors' decisions: {@code SiteTemplate.learn} is the
 * {@code passages/EditorDecisions} the wiring hands the editor), assembling passages ({@code
 * PassageAssembler}), normalising text ({@code TextNormalizer}), and storing an article with its
 * passages in one transaction ({@link io.lumbar.importing.ArticleImporter}, {@code ArticleDao}).
 * Also the console's articles pages and uploads ({@code ArticleRoutes}) and the bundled sample
 * corpus ({@code BundledCorpus}). See docs/importing.md.
 *
 * <p>May depend on {@code passages/} (rejecting an earlier copy as an editor would), {@code admin/}
 * (jobs), {@code accounts/}, {@code audit/}, {@code indexing/}, {@code web/}, {@code db/}.
 */
package io.lumbar.importing;
