package io.lumbar.importing;

import io.lumbar.accounts.User;
import io.lumbar.web.Page;
import java.util.List;

/**
 * One page of articles (newest first, {@code limit} from {@code offset} of {@code total}) with
 * their passage counts, and the import form; {@code error} says why an import was refused.
 */
public record ArticleListPage(
    User user,
    String csrf,
    List<ArticleDao.Article> articles,
    long total,
    int offset,
    int limit,
    ImportForm form,
    String error)
    implements Page {
  @Override
  public String template() {
    return "importing/list.jte";
  }

  public String previousUrl() {
    return offset == 0 ? null : "/admin/articles?offset=" + Math.max(0, offset - limit);
  }

  public String nextUrl() {
    return offset + limit >= total ? null : "/admin/articles?offset=" + (offset + limit);
  }

  /** For the file input's {@code accept}. */
  public String accept() {
    return String.join(",", ArticleUpload.EXTENSIONS) + ",text/plain,text/html";
  }
}
