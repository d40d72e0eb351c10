package io.lumbar.accounts;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.SameSite;
import io.javalin.http.UnauthorizedResponse;
import io.lumbar.accounts.SessionDao.Session;
import io.lumbar.db.Database;
import io.lumbar.web.BadRequestException;
import io.lumbar.web.Forbidden;
import io.lumbar.web.Unauthenticated;
import jakarta.servlet.ServletException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

/**
 * Guards the console: every {@code /admin} page and {@code /api/admin} endpoint needs a session,
 * and every state-changing request needs the session's CSRF token (form field {@code _csrf} or
 * header {@code X-CSRF-Token}). Handlers then ask {@link #user} who is signed in and {@link
 * #requireAdmin}.
 */
public final class Auth {
  static final String SESSION_COOKIE = "lumbar_session";
  static final String CSRF_FIELD = "_csrf";
  static final String CSRF_HEADER = "X-CSRF-Token";
  private static final String SESSION_ATTRIBUTE = "lumbar.session";
  private static final Set<HandlerType> SAFE =
      Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

  /** Reachable without a session. */
  private static final Set<String> PUBLIC = Set.of("/admin/login");

  private final SessionDao sessions;
  private final ApiTokens tokens;

  public Auth(Database db) {
    this.sessions = new SessionDao(db);
    this.tokens = new ApiTokens(db);
  }

  /**
   * Who calls an API route that also takes API tokens: {@code token:NAME} for {@code Authorization:
   * Bearer}, else the signed-in user's name (session cookie; such routes are GET only, so no CSRF);
   * empty when anonymous. An unknown or revoked token is refused with 401, never taken for an
   * anonymous call.
   */
  public Optional<String> apiCaller(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null) {
      return sessions.find(ctx.cookie(SESSION_COOKIE)).map(session -> session.user().username());
    }
    Optional<String> token =
        header.regionMatches(true, 0, "Bearer ", 0, 7)
            ? tokens.verify(header.substring(7).strip())
            : Optional.empty();
    if (token.isEmpty()) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw new UnauthorizedResponse("This API token is unknown or has been revoked");
    }
    return Optional.of("token:" + token.get());
  }

  SessionDao sessions() {
    return sessions;
  }

  public void protect(RoutesConfig routes) {
    routes.before("/admin", this::check);
    routes.before("/admin/*", this::check);
    routes.before("/api/admin/*", this::check);
  }

  private void check(Context ctx) {
    if (PUBLIC.contains(ctx.path())) {
      // The sign-in route checks the body's type before it reads anything (LoginRoutes), so an
      // anonymous
      // client cannot make the server parse a multipart body.
      return;
    }
    Session session = sessions.find(ctx.cookie(SESSION_COOKIE)).orElseThrow(Unauthenticated::new);
    ctx.attribute(SESSION_ATTRIBUTE, session);
    if (!SAFE.contains(ctx.method())) {
      // Also read when the token comes in a header, for the same reason as above.
      String fromForm = formParam(ctx, CSRF_FIELD);
      String sent = ctx.header(CSRF_HEADER);
      if (sent == null) {
        sent = fromForm;
      }
      if (!sameToken(sent, session.csrfToken())) {
        throw new Forbidden(
            "This form has expired or did not come from Lumbar. Reload the page and try again.");
      }
    }
  }

  /**
   * A form field, also of a multipart form. Reading a multipart form is where Jetty enforces the
   * upload limits and the format, so its refusal (a checked ServletException, rethrown unchecked by
   * Javalin) is answered as the client's error: 413 for a body over the limits, 400 for a malformed
   * one, never a 500.
   */
  public static String formParam(Context ctx, String name) {
    try {
      return ctx.formParam(name);
    } catch (Exception e) {
      // Javalin rethrows Jetty's checked refusals as they are; an unknown charset or a broken
      // %-escape in a
      // url-encoded body surfaces as IllegalArgumentException.
      if (!(e instanceof ServletException) && !(e instanceof IllegalArgumentException)) {
        throw e;
      }
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        String message = String.valueOf(cause.getMessage());
        if (cause instanceof IllegalStateException
            && (message.contains("exceeded") || message.contains("larger than"))) {
          throw new HttpResponseException(
              413, "This upload is too large: files and forms can be at most a few megabytes.");
        }
      }
      throw new BadRequestException("This form could not be read; reload the page and try again.");
    }
  }

  /** The signed-in user; only on routes this guards. */
  public static User user(Context ctx) {
    Session session = ctx.attribute(SESSION_ATTRIBUTE);
    if (session == null) {
      throw new Unauthenticated();
    }
    return session.user();
  }

  /**
   * The console's frame for the signed-in user of this request; null when nobody is signed in on
   * it.
   */
  public static io.lumbar.web.ConsoleFrame consoleFrame(Context ctx) {
    Session session = ctx.attribute(SESSION_ATTRIBUTE);
    if (session == null) {
      return null;
    }
    User user = session.user();
    return new io.lumbar.web.ConsoleFrame(
        user.username(),
        user.role().name().toLowerCase(java.util.Locale.ROOT),
        user.isAdmin(),
        session.csrfToken());
  }

  /** The token forms must send back. */
  public static String csrfToken(Context ctx) {
    Session session = ctx.attribute(SESSION_ATTRIBUTE);
    return session == null ? "" : session.csrfToken();
  }

  /**
   * The cookie's session token of this request, so a change can leave the acting admin signed in.
   */
  static String sessionToken(Context ctx) {
    Session session = ctx.attribute(SESSION_ATTRIBUTE);
    return session == null ? null : session.token();
  }

  public static User requireAdmin(Context ctx) {
    User user = user(ctx);
    if (!user.isAdmin()) {
      throw new Forbidden("Only an admin can do this.");
    }
    return user;
  }

  static Cookie sessionCookie(Context ctx, String value, int maxAgeSeconds) {
    return new Cookie(
        SESSION_COOKIE, value, "/", maxAgeSeconds, isHttps(ctx), true, null, SameSite.LAX);
  }

  /** Secure cookies when the browser talks HTTPS, also behind a proxy that terminates TLS. */
  static boolean isHttps(Context ctx) {
    return "https".equalsIgnoreCase(ctx.scheme())
        || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
  }

  static boolean sameToken(String sent, String expected) {
    return sent != null
        && expected != null
        && MessageDigest.isEqual(
            sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }
}
