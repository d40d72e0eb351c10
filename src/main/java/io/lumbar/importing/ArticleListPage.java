package io.lumbar.importing;

import io.lumbar.accounts.User;
import io.lumbar.web.Page;
import java.util.List;

/** The articles with their passage counts, and the import form; {@code error} says why an import was refused. */
public record ArticleListPage(User user, String csrf, List<ArticleDao.Article> articles, ImportForm form, String error)
    implements Page {
  @Override
  public String template() {
    return "importing/list.jte";
  }

  /** For the file input's {@code accept}. */
  public String accept() {
    return String.join(",", ArticleUpload.EXTENSIONS) + ",text/plain,text/html";
  }
}
