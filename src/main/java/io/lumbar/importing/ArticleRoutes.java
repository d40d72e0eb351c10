package io.lumbar.importing;

import io.javalin.config.JettyConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.lumbar.accounts.Auth;
import io.lumbar.accounts.User;
import io.lumbar.admin.Jobs;
import io.lumbar.db.Database;
import io.lumbar.db.NotFoundException;
import io.lumbar.web.Pages;
import io.lumbar.web.Params;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The console's article pages: {@code /admin/articles} (list and import form), its post (import
 * pasted text or an uploaded file with the command's importer), and {@code /admin/articles/{id}}
 * (one article with its passages). A refused import shows the form again with what was typed, so
 * nothing is lost.
 */
public final class ArticleRoutes {
  static final String PASTED = "pasted text";
  private static final int MAX_TITLE = 500;

  /** The column's size: a longer publisher would fail the insert. */
  private static final int MAX_PUBLISHER = 200;

  private final ArticleDao articles;
  private final ArticleImporter importer;

  /** Articles per page of the list. */
  static final int PAGE_SIZE = 50;

  /** Blocks per page of an article's outline: most articles fit on one. */
  static final int OUTLINE_PAGE_SIZE = 200;

  private final Pages pages;

  private Jobs jobs;

  /**
   * With {@code jobs}, choosing several files imports them in the background with a progress bar.
   */
  public ArticleRoutes withJobs(Jobs jobs) {
    this.jobs = jobs;
    return this;
  }

  static final int MAX_FILES = 50;

  public ArticleRoutes(Database db, Pages pages) {
    this.articles = new ArticleDao(db);
    this.importer = new ArticleImporter(db);
    this.pages = pages;
  }

  /**
   * Multipart limits for the whole server. Jetty refuses a request over them while reading it,
   * before it is stored or imported; the 2 MB rule below, with its clearer message, covers the
   * files in between. Jetty's form limit (200,000 bytes by default) also applies to multipart text
   * fields, so it is raised for pasting an article of up to 2 million characters.
   */
  public static void limitUploads(JettyConfig jetty) {
    jetty.multipartConfig.maxFileSize(4, SizeUnit.MB);
    jetty.multipartConfig.maxTotalRequestSize(12, SizeUnit.MB);
    jetty.modifyServletContextHandler(handler -> handler.setMaxFormContentSize(12 * 1024 * 1024));
  }

  public void register(RoutesConfig routes) {
    routes.get("/admin/articles", ctx -> showList(ctx, ImportForm.EMPTY, null));
    routes.post("/admin/articles", this::importArticle);
    routes.get("/admin/articles/{id}", this::show);
  }

  private void showList(Context ctx, ImportForm form, String error) {
    int offset = Params.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    pages.render(
        ctx,
        new ArticleListPage(
            Auth.user(ctx),
            Auth.csrfToken(ctx),
            articles.list(offset, PAGE_SIZE),
            articles.count(),
            offset,
            PAGE_SIZE,
            form,
            error));
  }

  private void importArticle(Context ctx) {
    User user = Auth.user(ctx);
    // Through Auth, which answers a body Jetty refuses (too large, malformed) with a 4xx page.
    ImportForm form =
        new ImportForm(
            Auth.formParam(ctx, "title"),
            Auth.formParam(ctx, "publisher"),
            Auth.formParam(ctx, "url"),
            Auth.formParam(ctx, "published"),
            Auth.formParam(ctx, "text"));
    List<UploadedFile> files =
        ctx.isMultipartFormData() ? chosen(ctx.uploadedFiles("file")) : List.of();
    if (files.size() > 1 && jobs != null) {
      importMany(ctx, user, form, files);
      return;
    }
    try {
      ArticleSource source =
          source(ctx, form)
              .withMetadata(blankToNull(form.title()), blankToNull(form.publisher()))
              .withProvenance(blankToNull(form.url()), ArticleSource.parseDate(form.published()));
      ImportSummary summary = importer.importArticle(source, user.username());
      ctx.redirect(
          "/admin/articles/"
              + summary.articleId()
              + "?done="
              + (summary.alreadyImported() ? "already" : "imported"));
    } catch (ImportException e) {
      ctx.status(e instanceof ArticleUpload.TooLarge ? 413 : 400);
      showList(ctx, form, e.getMessage());
    }
  }

  /**
   * Several files: each is checked and imported on its own, in the background; one bad file stops
   * nothing.
   */
  private void importMany(Context ctx, User user, ImportForm form, List<UploadedFile> files) {
    if (form.text() != null && !form.text().isBlank()) {
      ctx.status(400);
      showList(ctx, form, "Paste text or choose files, not both");
      return;
    }
    if (files.size() > MAX_FILES) {
      ctx.status(400);
      showList(ctx, form, "Choose at most " + MAX_FILES + " files at a time");
      return;
    }
    if (blankToNull(form.url()) != null) {
      ctx.status(400);
      showList(
          ctx,
          form,
          "A source URL belongs to one article: choose one file, or leave the URL empty");
      return;
    }
    java.time.LocalDate published;
    try {
      published = ArticleSource.parseDate(form.published());
      // Checked now, not once per file in the background where the editor would only read it in the
      // job's log.
      ArticleImporter.checkProvenance(null, form.publisher(), published);
    } catch (ImportException e) {
      ctx.status(400);
      showList(ctx, form, e.getMessage());
      return;
    }
    // Read now: the request's uploads are gone once it has been answered.
    record Chosen(String name, byte[] bytes) {}
    List<Chosen> chosen = new ArrayList<>();
    for (UploadedFile file : files) {
      chosen.add(new Chosen(file.filename(), readAtMostOverLimit(file)));
    }
    String publisher = blankToNull(form.publisher());
    Jobs.Job job =
        jobs.start(
            "import",
            "Importing " + chosen.size() + " files",
            user.username(),
            chosen.size(),
            progress -> {
              List<String> lines = new ArrayList<>();
              int done = 0;
              for (Chosen file : chosen) {
                try {
                  ArticleSource source =
                      ArticleUpload.read(file.name(), file.bytes())
                          .withMetadata(null, publisher)
                          .withProvenance(null, published);
                  lines.add(importer.importArticle(source, user.username()).describe());
                } catch (ImportException e) {
                  lines.add("refused: " + e.getMessage());
                }
                progress.accept(++done);
              }
              return String.join(" · ", lines);
            });
    ctx.redirect("/admin/jobs/" + job.id());
  }

  /**
   * The file parts that hold a file (a browser sends an empty, nameless part when none was chosen).
   */
  private static List<UploadedFile> chosen(List<UploadedFile> parts) {
    return parts.stream().filter(f -> !(f.filename().isBlank() && f.size() == 0)).toList();
  }

  /** The pasted text or the uploaded file, exactly one of them. */
  private static ArticleSource source(Context ctx, ImportForm form) {
    if (form.title() != null && form.title().length() > MAX_TITLE) {
      throw new ImportException("The title is too long: at most " + MAX_TITLE + " characters");
    }
    if (form.publisher() != null && form.publisher().length() > MAX_PUBLISHER) {
      throw new ImportException(
          "The publisher is too long: at most " + MAX_PUBLISHER + " characters");
    }
    UploadedFile file = ctx.isMultipartFormData() ? ctx.uploadedFile("file") : null;
    // A browser sends an empty, nameless file part when no file was chosen.
    boolean hasFile = file != null && !(file.filename().isBlank() && file.size() == 0);
    boolean hasText = form.text() != null && !form.text().isBlank();
    if (hasFile && hasText) {
      throw new ImportException("Paste text or choose a file, not both");
    }
    if (hasFile) {
      return ArticleUpload.read(file.filename(), readAtMostOverLimit(file));
    }
    if (hasText) {
      return ArticleSource.of(PASTED, form.text());
    }
    throw new ImportException("Paste the article's text or choose a .txt or .html file to import");
  }

  /**
   * Reads one byte more than allowed, so a larger file is known to be too large without reading it
   * all.
   */
  private static byte[] readAtMostOverLimit(UploadedFile file) {
    try (InputStream in = file.content()) {
      return in.readNBytes(ArticleUpload.MAX_BYTES + 1);
    } catch (IOException e) {
      throw new ImportException(file.filename() + " could not be read; try uploading it again");
    }
  }

  private void show(Context ctx) {
    long id = Params.idParam(ctx, "id");
    ArticleDao.Article article =
        articles.find(id).orElseThrow(() -> new NotFoundException("Article", id));
    int offset = Params.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    pages.render(
        ctx,
        new ArticlePage(
            Auth.user(ctx),
            Auth.csrfToken(ctx),
            article,
            articles.passages(id, offset, OUTLINE_PAGE_SIZE),
            articles.rejectedByReason(id),
            offset,
            OUTLINE_PAGE_SIZE,
            messageFor(ctx.queryParam("done"), article)));
  }

  private static String messageFor(String done, ArticleDao.Article a) {
    return switch (done == null ? "" : done) {
      case "imported" ->
          new ImportSummary(
                      a.sourceName(),
                      a.id(),
                      a.title(),
                      false,
                      a.published(),
                      a.rejected(),
                      a.duplicates())
                  .describe()
              + ". Published passages reach search within a second.";
      case "already" ->
          "This text was already imported as article " + a.id() + "; nothing was added.";
      default -> null;
    };
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
