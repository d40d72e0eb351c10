package io.lumbar.tagging;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.lumbar.accounts.Auth;
import io.lumbar.changes.ConfirmPage;
import io.lumbar.db.Database;
import io.lumbar.search.LiveVocabulary;
import io.lumbar.tagging.TaxonomyEditor.MergeReport;
import io.lumbar.tagging.TaxonomyEditor.NewTag;
import io.lumbar.web.BadRequestException;
import io.lumbar.web.Pages;
import io.lumbar.web.Params;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Taxonomy management in the console: {@code /admin/tags} and {@code /admin/tags/{slug}}. Editors
 * keep descriptions and aliases up; admins change the structure. Every post redirects back with a
 * {@code done} message (post/redirect/get) and reloads the vocabulary, so the next search on this
 * node uses the change.
 */
public final class TaxonomyRoutes {
  private final TaxonomyEditor editor;
  private final LiveVocabulary vocabulary;
  private final Pages pages;

  public TaxonomyRoutes(Database db, LiveVocabulary vocabulary, Pages pages) {
    this.editor = new TaxonomyEditor(db);
    this.vocabulary = vocabulary;
    this.pages = pages;
  }

  public void register(RoutesConfig routes) {
    routes.get("/admin/tags", this::list);
    routes.post("/admin/tags", this::create);
    routes.get("/admin/tags/{slug}", this::edit);
    routes.post("/admin/tags/{slug}", this::describe);
    routes.post("/admin/tags/{slug}/rename", this::rename);
    routes.post("/admin/tags/{slug}/warning-sign", this::warningSign);
    routes.post("/admin/tags/{slug}/parent", this::parent);
    routes.post("/admin/tags/{slug}/retire", ctx -> retire(ctx, true));
    routes.post("/admin/tags/{slug}/restore", ctx -> retire(ctx, false));
    routes.post("/admin/tags/{slug}/merge", this::merge);
    routes.post("/admin/tags/{slug}/links", ctx -> link(ctx, ctx.formParam("tag"), true));
    routes.post(
        "/admin/tags/{slug}/links/{other}/remove", ctx -> link(ctx, ctx.pathParam("other"), false));
  }

  private void list(Context ctx) {
    String message = "created".equals(ctx.queryParam("done")) ? "Tag created." : null;
    pages.render(
        ctx, new TaxonomyPage(Auth.user(ctx), Auth.csrfToken(ctx), editor.list(), message));
  }

  private void edit(Context ctx) {
    TagSummary tag = editor.find(ctx.pathParam("slug"));
    String done = String.valueOf(ctx.queryParam("done"));
    long changeSet =
        done.equals("merged") || done.equals("retired")
            ? Params.intParam(ctx, "change", 0, 0, Integer.MAX_VALUE)
            : 0;
    pages.render(
        ctx,
        new TagEditPage(
            Auth.user(ctx),
            Auth.csrfToken(ctx),
            tag,
            editor.list(),
            messageFor(ctx, editor),
            changeSet));
  }

  private void create(Context ctx) {
    String actor = Auth.requireAdmin(ctx).username();
    NewTag tag =
        new NewTag(
            ctx.formParam("kind"),
            ctx.formParam("name"),
            ctx.formParam("slug"),
            ctx.formParam("description"),
            ctx.formParam("aliases"),
            ctx.formParam("parent"));
    try {
      changed(ctx, editor.create(tag, actor), "created");
    } catch (BadRequestException e) {
      // Show the form again with what was typed, rather than an error page that loses it.
      var typed =
          new TaxonomyPage.NewTagForm(
              orEmpty(tag.kind()),
              orEmpty(tag.name()),
              orEmpty(tag.slug()),
              orEmpty(tag.description()),
              orEmpty(tag.aliases()),
              orEmpty(tag.parent()));
      ctx.status(400);
      pages.render(
          ctx,
          new TaxonomyPage(
              Auth.user(ctx), Auth.csrfToken(ctx), editor.list(), null, e.getMessage(), typed));
    }
  }

  private void describe(Context ctx) {
    String slug = ctx.pathParam("slug");
    String description = ctx.formParam("description");
    String aliases = ctx.formParam("aliases");
    try {
      editor.describe(slug, description, aliases, Auth.user(ctx).username());
    } catch (BadRequestException e) {
      ctx.status(400);
      pages.render(
          ctx,
          new TagEditPage(
              Auth.user(ctx),
              Auth.csrfToken(ctx),
              editor.find(slug),
              editor.list(),
              null,
              e.getMessage(),
              orEmpty(description),
              orEmpty(aliases),
              0));
      return;
    }
    changed(ctx, slug, "described");
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  /**
   * Editors keep the warning signs up, like the wording: {@code warningSign} is "true" or "false".
   */
  private void warningSign(Context ctx) {
    String slug = ctx.pathParam("slug");
    String value = String.valueOf(ctx.formParam("warningSign"));
    if (!value.equals("true") && !value.equals("false")) {
      throw new BadRequestException("'warningSign' must be true or false");
    }
    boolean flag = value.equals("true");
    editor.setWarningSign(slug, flag, Auth.user(ctx).username());
    changed(ctx, slug, flag ? "warning-sign" : "no-warning-sign");
  }

  private void rename(Context ctx) {
    String slug = ctx.pathParam("slug");
    editor.rename(slug, ctx.formParam("name"), Auth.requireAdmin(ctx).username());
    changed(ctx, slug, "renamed");
  }

  private void parent(Context ctx) {
    String slug = ctx.pathParam("slug");
    editor.setParent(slug, ctx.formParam("parent"), Auth.requireAdmin(ctx).username());
    changed(ctx, slug, "parent");
  }

  private void retire(Context ctx, boolean retire) {
    String slug = ctx.pathParam("slug");
    String admin = Auth.requireAdmin(ctx).username();
    if (retire && !ConfirmPage.confirmed(ctx.formParam(ConfirmPage.FIELD))) {
      String name = editor.find(slug).name();
      pages.render(
          ctx,
          new ConfirmPage(
              Auth.user(ctx),
              Auth.csrfToken(ctx),
              "Retire " + name + "?",
              editor.retirePreview(slug),
              "/admin/tags/" + encode(slug) + "/retire",
              Map.of(),
              "Retire " + name,
              "/admin/tags/" + encode(slug)));
      return;
    }
    long changeSet = editor.retire(slug, retire, admin);
    changed(
        ctx, slug, retire ? "retired" + (changeSet > 0 ? "&change=" + changeSet : "") : "restored");
  }

  private void merge(Context ctx) {
    String source = ctx.pathParam("slug");
    String target = ctx.formParam("into");
    String admin = Auth.requireAdmin(ctx).username();
    if (!ConfirmPage.confirmed(ctx.formParam(ConfirmPage.FIELD))) {
      List<String> changes = editor.mergePreview(source, target);
      String from = editor.find(source).name();
      String into = editor.find(target.strip()).name();
      pages.render(
          ctx,
          new ConfirmPage(
              Auth.user(ctx),
              Auth.csrfToken(ctx),
              "Merge " + from + " into " + into + "?",
              changes,
              "/admin/tags/" + encode(source) + "/merge",
              Map.of("into", target.strip()),
              "Merge into " + into,
              "/admin/tags/" + encode(source)));
      return;
    }
    MergeReport report = editor.merge(source, target, admin);
    changed(
        ctx,
        target.strip(),
        "merged&from="
            + encode(source)
            + "&moved="
            + report.moved()
            + "&already="
            + report.already()
            + "&change="
            + report.changeSet());
  }

  private void link(Context ctx, String other, boolean link) {
    String slug = ctx.pathParam("slug");
    editor.link(slug, other, link, Auth.requireAdmin(ctx).username());
    changed(ctx, slug, link ? "linked" : "unlinked");
  }

  /** After a write: this node's vocabulary now (others poll), then back to the tag's page. */
  private void changed(Context ctx, String slug, String done) {
    vocabulary.reloadNow();
    ctx.redirect("/admin/tags/" + encode(slug) + "?done=" + done);
  }

  private static String messageFor(Context ctx, TaxonomyEditor editor) {
    return switch (String.valueOf(ctx.queryParam("done"))) {
      case "created" -> "Tag created.";
      case "described" -> "Description and aliases saved; search uses the aliases from now on.";
      case "warning-sign" ->
          "Marked as a warning sign: searches naming it show the advice to see a doctor first.";
      case "no-warning-sign" -> "No longer a warning sign.";
      case "renamed" -> "Renamed. Search shows the new name within a second.";
      case "parent" -> "Parent saved.";
      case "retired" -> "Retired: search and the tag lists leave it out.";
      case "restored" -> "Restored.";
      case "linked" -> "Link added.";
      case "unlinked" -> "Link removed.";
      case "merged" ->
          "Merged "
              + mergedName(editor, ctx.queryParam("from"))
              + " into this tag: "
              + Params.intParam(ctx, "moved", 0, 0, Integer.MAX_VALUE)
              + " passages moved, "
              + Params.intParam(ctx, "already", 0, 0, Integer.MAX_VALUE)
              + " already had this tag.";
      default -> null;
    };
  }

  /**
   * The merged tag's name as stored: the link's own text is anyone's to write, so it is never
   * shown.
   */
  private static String mergedName(TaxonomyEditor editor, String slug) {
    try {
      return slug == null ? "a tag" : editor.find(slug).name();
    } catch (io.lumbar.db.NotFoundException e) {
      return "a tag";
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
