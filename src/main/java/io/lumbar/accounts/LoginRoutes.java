package io.lumbar.accounts;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import io.lumbar.accounts.SessionDao.Session;
import io.lumbar.db.Database;
import io.lumbar.web.Pages;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code /admin/login} and {@code /admin/logout}. A login form carries its own token, matched against a
 * cookie (login CSRF); a successful login always starts a new session (no fixation); failures are throttled.
 */
public final class LoginRoutes {
  private static final String LOGIN_COOKIE = "lumbar_login";
  /** Only back into the console, never to another site. */
  private static final Pattern SAFE_NEXT = Pattern.compile("/admin(/[A-Za-z0-9/_\\-]*)?(\\?[A-Za-z0-9=&%_.+\\-]*)?");
  private static final int MAX_USERNAME = 100;

  private final Auth auth;
  private final UserDao users;
  private final LoginThrottle throttle;
  private final AuditTrail audit;
  private final Pages pages;

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
    ctx.cookie(new Cookie(LOGIN_COOKIE, token, "/admin/login", 3600, Auth.isHttps(ctx), true, null, SameSite.LAX));
    pages.render(ctx, new LoginPage(username, next, token, error));
  }

  private void login(Context ctx) {
    String username = Optional.ofNullable(ctx.formParam("username")).orElse("").strip();
    String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
    String next = safeNext(ctx.formParam("next"));
    if (!Auth.sameToken(ctx.formParam("login_token"), ctx.cookie(LOGIN_COOKIE))) {
      ctx.status(403);
      showForm(ctx, username, next, "The sign-in form expired. Please try again.");
      return;
    }
    if (username.isEmpty() || password.isEmpty() || username.length() > MAX_USERNAME) {
      ctx.status(400);
      showForm(ctx, username.length() > MAX_USERNAME ? "" : username, next, "Enter your user name and password.");
      return;
    }
    if (throttle.isBlocked(username, ctx.ip())) {
      ctx.status(429);
      showForm(ctx, username, next, "Too many failed attempts. Wait " + LoginThrottle.WINDOW.toMinutes() + " minutes and try again.");
      return;
    }
    Optional<UserDao.StoredUser> stored = users.find(username);
    boolean ok;
    if (stored.isEmpty()) {
      Passwords.burnTime(password);
      ok = false;
    } else {
      ok = Passwords.matches(password, stored.get().passwordHash()) && !stored.get().disabled();
    }
    if (!ok) {
      throttle.recordFailure(username, ctx.ip());
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
    throttle.recordSuccess(username);
    audit.record(user.username(), "login", "user", user.id());
    ctx.cookie(Auth.sessionCookie(ctx, session.token(), (int) SessionDao.IDLE_TIMEOUT.toSeconds()));
    ctx.removeCookie(LOGIN_COOKIE, "/admin/login");
    ctx.redirect(next);
  }

  private void logout(Context ctx) {
    User user = Auth.user(ctx);
    auth.sessions().delete(ctx.cookie(Auth.SESSION_COOKIE));
    audit.record(user.username(), "logout", "user", user.id());
    ctx.cookie(Auth.sessionCookie(ctx, "", 0));
    ctx.redirect("/admin/login");
  }

  static String safeNext(String next) {
    return next != null && SAFE_NEXT.matcher(next).matches() ? next : "/admin";
  }
}
