package io.lumbar.passages;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.lumbar.accounts.Auth;
import io.lumbar.accounts.User;
import io.lumbar.changes.ConfirmPage;
import io.lumbar.db.Database;
import io.lumbar.passages.PassageEditor.Conflict;
import io.lumbar.passages.PassageEditor.Outcome;
import io.lumbar.passages.PassageEditor.Revision;
import io.lumbar.passages.PassageEditor.Saved;
import io.lumbar.search.Vocabulary;
import io.lumbar.tagging.PassageTagger;
import io.lumbar.tagging.TagSuggester;
import io.lumbar.tagging.TagSuggestion;
import io.lumbar.web.BadRequestException;
import io.lumbar.web.Pages;
import io.lumbar.web.Params;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The console's passage pages: {@code /admin/passages} (list), {@code /admin/passages/{id}} (edit,
 * tag, history), and their form posts. Every post redirects back (post/redirect/get) or shows a
 * conflict.
 */
public final class AdminPassageRoutes {
  static final int PAGE_SIZE = 50;
  private static final Set<String> SORTS = Set.of("article", "updated", "id");

  private final PassageList list;
  private final PassageEditor editor;
  private final PassageTagger tagger;
  private final BulkTagger bulk;
  private final Supplier<Vocabulary> vocabulary;
  private final TagSuggester suggester;
  private final Pages pages;

  public AdminPassageRoutes(
      Database db,
      EditorDecisions decisions,
      Supplier<Vocabulary> vocabulary,
      TagSuggester suggester,
      Pages pages) {
    this.list = new PassageList(db);
    this.editor = new PassageEditor(db, decisions);
    this.tagger = new PassageTagger(db);
    this.bulk = new BulkTagger(db);
    this.vocabulary = vocabulary;
    this.suggester = suggester;
    this.pages = pages;
  }

  /**
   * Suggested tags of a passage, best first: {@code GET /api/admin/passages/{id}/suggested-tags}.
   */
  public record SuggestedTags(List<TagSuggestion> suggestions) {}

  public void register(RoutesConfig routes) {
    routes.get("/admin/passages", this::list);
    routes.get("/admin/passages/bulk", this::bulkPreview);
    routes.post("/admin/passages/bulk", this::bulkApply);
    routes.get("/admin/passages/{id}", this::edit);
    routes.post("/admin/passages/{id}", this::save);
    routes.post("/admin/passages/{id}/tags", this::tag);
    routes.post("/admin/passages/{id}/tags/{slug}/remove", this::untag);
    routes.post("/admin/passages/{id}/revisions/{version}/revert", this::revert);
    routes.get(
        "/api/admin/passages/{id}/suggested-tags",
        ctx -> {
          EditablePassage passage = editor.find(Params.idParam(ctx, "id"));
          ctx.json(new SuggestedTags(suggestions(passage)));
        });
  }

  private List<TagSuggestion> suggestions(EditablePassage passage) {
    return suggester.suggest(passage.id(), passage.heading(), passage.text());
  }

  private void list(Context ctx) {
    PassageList.Filter filter = filter(ctx);
    String sort = ctx.queryParam("sort");
    if (sort == null || !SORTS.contains(sort)) {
      sort = "article";
    }
    int offset = Params.intParam(ctx, "offset", 0, 0, 1_000_000);
    long total = list.count(filter);
    List<PassageList.Row> rows =
        list.page(
            filter,
            PassageList.Sort.valueOf(sort.toUpperCase(java.util.Locale.ROOT)),
            offset,
            PAGE_SIZE);
    pages.render(
        ctx,
        new PassageListPage(
            Auth.user(ctx),
            Auth.csrfToken(ctx),
            filter,
            sort,
            rows,
            total,
            offset,
            PAGE_SIZE,
            vocabulary.get().allTags()));
  }

  static PassageList.Filter filter(Context ctx) {
    return filter(ctx::queryParam);
  }

  /** The list's filter from query parameters, or from the hidden fields of the bulk form. */
  static PassageList.Filter filter(java.util.function.Function<String, String> param) {
    return PassageList.Filter.parse(param);
  }

  private void bulkPreview(Context ctx) {
    PassageList.Filter filter = filter(ctx);
    showBulk(ctx, filter, null);
  }

  private void showBulk(Context ctx, PassageList.Filter filter, BulkTagger.Report report) {
    long matched = list.count(filter);
    PassageListPage listPage =
        new PassageListPage(
            Auth.user(ctx),
            Auth.csrfToken(ctx),
            filter,
            "article",
            List.of(),
            matched,
            0,
            PAGE_SIZE,
            List.of());
    pages.render(
        ctx,
        new BulkTagPage(
            Auth.user(ctx),
            Auth.csrfToken(ctx),
            listPage,
            matched,
            vocabulary.get().allTags(),
            report));
  }

  private void bulkApply(Context ctx) {
    PassageList.Filter filter = filter(ctx::formParam);
    String slug = blankToNull(ctx.formParam("tag"));
    if (slug == null) {
      throw new BadRequestException("Choose the tag to change");
    }
    BulkTagger.Mode mode;
    try {
      mode =
          BulkTagger.Mode.valueOf(
              String.valueOf(ctx.formParam("mode")).toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("Choose add, remove or replace");
    }
    if (mode != BulkTagger.Mode.ADD && !ConfirmPage.confirmed(ctx.formParam(ConfirmPage.FIELD))) {
      // Remove and replace take tags off passages: first say which and from how many.
      BulkTagger.Preview preview = bulk.preview(filter, slug, mode);
      String cancel = "/admin/passages/bulk?" + query(filter.fields());
      Map<String, String> fields = new LinkedHashMap<>(filter.fields());
      fields.put("tag", slug);
      fields.put("mode", mode.name().toLowerCase(java.util.Locale.ROOT));
      pages.render(
          ctx,
          new ConfirmPage(
              Auth.user(ctx),
              Auth.csrfToken(ctx),
              (mode == BulkTagger.Mode.REMOVE ? "Remove " : "Replace with ")
                  + preview.tagName()
                  + "?",
              preview.lines(),
              "/admin/passages/bulk",
              fields,
              "Apply to " + preview.matched() + " passages",
              cancel));
      return;
    }
    BulkTagger.Report report =
        bulk.apply(filter, slug, mode, Auth.user(ctx).username(), filter.toString());
    showBulk(ctx, filter, report);
  }

  private static String query(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private void edit(Context ctx) {
    long id = Params.idParam(ctx, "id");
    String done = ctx.queryParam("done");
    long changeSet =
        "untagged".equals(done) ? Params.intParam(ctx, "change", 0, 0, Integer.MAX_VALUE) : 0;
    EditablePassage passage = editor.find(id);
    PassageEdit stored =
        new PassageEdit(
            passage.heading(), passage.text(), passage.status(), passage.rejectReason());
    show(ctx, passage, messageFor(done), null, stored, passage.version(), changeSet);
  }

  private void show(
      Context ctx,
      EditablePassage passage,
      String message,
      String error,
      PassageEdit form,
      int formVersion) {
    show(ctx, passage, message, error, form, formVersion, 0);
  }

  private void show(
      Context ctx,
      EditablePassage passage,
      String message,
      String error,
      PassageEdit form,
      int formVersion,
      long changeSet) {
    Vocabulary words = vocabulary.get();
    List<Revision> revisions = editor.revisions(passage.id());
    pages.render(
        ctx,
        new PassageEditPage(
            Auth.user(ctx),
            Auth.csrfToken(ctx),
            passage,
            suggestions(passage),
            words.allTags(),
            revisions,
            message,
            error,
            form,
            formVersion,
            passage.id() > 1 ? passage.id() - 1 : null,
            passage.id() + 1,
            changeSet));
  }

  private void save(Context ctx) {
    long id = Params.idParam(ctx, "id");
    User user = Auth.user(ctx);
    int version = Params.intParam(ctx.formParam("version"), "version");
    PassageEdit edit =
        new PassageEdit(
            ctx.formParam("heading"),
            ctx.formParam("text"),
            ctx.formParam("status"),
            ctx.formParam("reject_reason"));
    String action =
        switch (String.valueOf(ctx.formParam("action"))) {
          case "publish" -> "passage.publish";
          case "reject" -> "passage.reject";
          default -> "passage.edit";
        };
    if (action.equals("passage.publish")) {
      edit = new PassageEdit(edit.heading(), edit.text(), "published", null);
    } else if (action.equals("passage.reject")) {
      edit = new PassageEdit(edit.heading(), edit.text(), "rejected", edit.rejectReason());
    }
    Outcome outcome;
    try {
      outcome = editor.save(id, version, edit, user.username(), action);
    } catch (BadRequestException e) {
      // The form again with what was typed and why it was refused: an edit is never lost to a typo.
      ctx.status(400);
      show(ctx, editor.find(id), null, e.getMessage(), edit, version);
      return;
    }
    answer(ctx, id, outcome, edit);
  }

  private void answer(Context ctx, long id, Outcome outcome, PassageEdit yours) {
    switch (outcome) {
      case Saved saved -> ctx.redirect("/admin/passages/" + id + "?done=saved");
      case Conflict conflict -> {
        ctx.status(409);
        pages.render(
            ctx, new ConflictPage(Auth.user(ctx), Auth.csrfToken(ctx), conflict.current(), yours));
      }
    }
  }

  private void tag(Context ctx) {
    long id = Params.idParam(ctx, "id");
    String slug = blankToNull(ctx.formParam("tag"));
    if (slug == null) {
      throw new BadRequestException("Choose a tag to add");
    }
    tagger.tag(id, slug, Auth.user(ctx).username());
    ctx.redirect("/admin/passages/" + id + "?done=tagged");
  }

  private void untag(Context ctx) {
    long id = Params.idParam(ctx, "id");
    long changeSet = tagger.untag(id, ctx.pathParam("slug"), Auth.user(ctx).username());
    ctx.redirect(
        "/admin/passages/" + id + "?done=untagged" + (changeSet > 0 ? "&change=" + changeSet : ""));
  }

  private void revert(Context ctx) {
    long id = Params.idParam(ctx, "id");
    long target =
        Params.idParam(
            ctx, "version"); // long: a huge number finds no revision rather than wrapping
    int current = Params.intParam(ctx.formParam("version"), "version");
    Revision revision =
        editor.revisions(id).stream()
            .filter(r -> r.version() == target)
            .findFirst()
            .orElseThrow(() -> new io.lumbar.db.NotFoundException("Revision", id + "/" + target));
    PassageEdit back =
        new PassageEdit(
            revision.heading(), revision.text(), revision.status(), revision.rejectReason());
    answer(
        ctx, id, editor.save(id, current, back, Auth.user(ctx).username(), "passage.revert"), back);
  }

  private static String messageFor(String done) {
    return switch (done == null ? "" : done) {
      case "saved" -> "Saved. Search shows the change within a second.";
      case "tagged" -> "Tag added.";
      case "untagged" -> "Tag removed.";
      default -> null;
    };
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
