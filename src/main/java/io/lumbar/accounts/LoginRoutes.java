package io.lumbar.accounts;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import io.lumbar.accounts.SessionDao.Session;
import io.lumbar.audit.AuditEntry;
import io.lumbar.audit.AuditTrail;
import io.lumbar.db.Database;
import io.lumbar.web.Pages;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * {@code /admin/login} and {@code /admin/logout}. A login form carries its own token, matched
 * against a cookie (login CSRF); a successful login always starts a new session (no fixation);
 * failures are throttled.
 */
public final class LoginRoutes {
  private static final String LOGIN_COOKIE = "lumbar_login";

  /** Only back into the console, never to another site. */
  private static final Pattern SAFE_NEXT =
      Pattern.compile("/admin(/[A-Za-z0-9/_\\-]*)?(\\?[A-Za-z0-9=&%_.+\\-]*)?");

  private static final int MAX_USERNAME = 100;

  /**
   * Password checks running at once; more wait up to {@link #CHECK_WAIT_SECONDS}, then get a 503.
   */
  private static final int MAX_PASSWORD_CHECKS = 4;

  private static final int CHECK_WAIT_SECONDS = 5;

  private final Auth auth;
  private final UserDao users;
  private final LoginThrottle throttle;
  private final AuditTrail audit;
  private final Pages pages;
  private final Semaphore passwordChecks = new Semaphore(MAX_PASSWORD_CHECKS);

  public LoginRoutes(Database db, Auth auth, Pages pages) {
    this.auth = auth;
    this.users = new UserDao(db);
    this.throttle = new LoginThrottle(db);
    this.audit = new AuditTrail(db);
    this.pages = pages;
  }

  public void register(RoutesConfig routes) {
    routes.get("/admin/login", this::form);
    routes.post("/admin/login", this::login);
    routes.post("/admin/logout", this::logout);
  }

  private void form(Context ctx) {
    if (auth.sessions().find(ctx.cookie(Auth.SESSION_COOKIE)).isPresent()) {
      ctx.redirect("/admin");
      return;
    }
    showForm(ctx, "", safeNext(ctx.queryParam("next")), null);
  }

  private void showForm(Context ctx, String username, String next, String error) {
    String token = auth.sessions().randomToken();
    ctx.cookie(
        new Cookie(
            LOGIN_COOKIE,
            token,
            "/admin/login",
            3600,
            Auth.isHttps(ctx),
            true,
            null,
            SameSite.LAX));
    pages.render(ctx, new LoginPage(username, next, token, error));
  }

  private void login(Context ctx) {
    // Only the plain form is read: anything else (multipart, odd charsets) is refused before it is
    // parsed.
    String contentType =
        ctx.header("Content-Type"); // raw: the servlet API throws on an unknown charset
    if (contentType == null || !isPlainForm(contentType)) {
      ctx.status(415);
      showForm(ctx, "", "/admin", "Sign in with the form on this page.");
      return;
    }
    String username = Optional.ofNullable(Auth.formParam(ctx, "username")).orElse("").strip();
    String password = Optional.ofNullable(Auth.formParam(ctx, "password")).orElse("");
    String next = safeNext(Auth.formParam(ctx, "next"));
    if (!Auth.sameToken(Auth.formParam(ctx, "login_token"), ctx.cookie(LOGIN_COOKIE))) {
      ctx.status(403);
      showForm(ctx, username, next, "The sign-in form expired. Please try again.");
      return;
    }
    if (username.isEmpty() || password.isEmpty() || username.length() > MAX_USERNAME) {
      ctx.status(400);
      showForm(
          ctx,
          username.length() > MAX_USERNAME ? "" : username,
          next,
          "Enter your user name and password.");
      return;
    }
    OptionalLong attempt = throttle.begin(username, ctx.ip());
    if (attempt.isEmpty()) {
      ctx.status(429);
      showForm(
          ctx,
          username,
          next,
          "Too many failed attempts. Wait "
              + LoginThrottle.WINDOW.toMinutes()
              + " minutes and try again.");
      return;
    }
    Optional<UserDao.StoredUser> stored = users.find(username);
    Boolean checked = checkPassword(password, stored);
    if (checked == null) {
      throttle.forget(attempt.getAsLong());
      ctx.status(503);
      showForm(ctx, username, next, "Lumbar is busy signing people in. Try again in a moment.");
      return;
    }
    if (!checked) {
      ctx.status(401);
      showForm(ctx, username, next, "Wrong user name or password.");
      return;
    }
    User user = stored.get().user();
    // A new session id at every login: a session id planted before login is worth nothing after it.
    String old = ctx.cookie(Auth.SESSION_COOKIE);
    if (old != null) {
      auth.sessions().delete(old);
    }
    Session session = auth.sessions().create(user);
    throttle.succeeded(username, ctx.ip());
    audit.record(AuditEntry.of(user.username(), "login", "user", user.id()));
    ctx.cookie(Auth.sessionCookie(ctx, session.token(), (int) SessionDao.IDLE_TIMEOUT.toSeconds()));
    ctx.removeCookie(LOGIN_COOKIE, "/admin/login");
    ctx.redirect(next);
  }

  /**
   * True when the password is right for an enabled user; null when too many checks are running.
   * Each check takes about 19 MB and 50 ms on purpose (Argon2id), so only a few run at once,
   * whatever arrives.
   */
  private Boolean checkPassword(String password, Optional<UserDao.StoredUser> stored) {
    try {
      if (!passwordChecks.tryAcquire(CHECK_WAIT_SECONDS, TimeUnit.SECONDS)) {
        return null;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
    try {
      if (stored.isEmpty()) {
        Passwords.burnTime(
            password); // as long as a real check, so names cannot be told apart by timing
        return false;
      }
      return Passwords.matches(password, stored.get().passwordHash()) && !stored.get().disabled();
    } finally {
      passwordChecks.release();
    }
  }

  private static boolean isPlainForm(String contentType) {
    String type = contentType.split(";", 2)[0].strip();
    if (!type.equalsIgnoreCase("application/x-www-form-urlencoded")) {
      return false;
    }
    int charset = contentType.toLowerCase(java.util.Locale.ROOT).indexOf("charset=");
    return charset < 0
        || contentType
            .substring(charset + 8)
            .strip()
            .replace("\"", "")
            .toLowerCase(java.util.Locale.ROOT)
            .matches("(utf-8|us-ascii|iso-8859-1)\\b.*");
  }

  private void logout(Context ctx) {
    User user = Auth.user(ctx);
    auth.sessions().delete(ctx.cookie(Auth.SESSION_COOKIE));
    audit.record(AuditEntry.of(user.username(), "logout", "user", user.id()));
    ctx.cookie(Auth.sessionCookie(ctx, "", 0));
    ctx.redirect("/admin/login");
  }

  static String safeNext(String next) {
    return next != null && SAFE_NEXT.matcher(next).matches() ? next : "/admin";
  }
}
