package io.lumbar.accounts;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.lumbar.accounts.UserDao.Actor;
import io.lumbar.accounts.UsersPage.NewUserForm;
import io.lumbar.db.Database;
import io.lumbar.web.BadRequestException;
import io.lumbar.web.Pages;
import io.lumbar.web.Params;
import java.util.List;
import java.util.Optional;

/**
 * {@code /admin/users}: admins create users, change roles, disable and enable them and set new
 * passwords. Taking rights away ends the user's sessions in the same transaction, so it applies on
 * their next request. Every post redirects back with a {@code done} message (post/redirect/get); a
 * refused one shows the page again with why.
 */
public final class UserRoutes {
  private final UserDao users;
  private final Pages pages;

  public UserRoutes(Database db, Pages pages) {
    this.users = new UserDao(db);
    this.pages = pages;
  }

  public void register(RoutesConfig routes) {
    routes.get("/admin/users", this::list);
    routes.post("/admin/users", this::create);
    routes.post(
        "/admin/users/{id}/role",
        ctx ->
            change(
                ctx,
                "role",
                (id, actor) -> users.setRole(id, Role.parse(ctx.formParam("role")), actor)));
    routes.post(
        "/admin/users/{id}/disable",
        ctx -> change(ctx, "disabled", (id, actor) -> users.disable(id, actor)));
    routes.post(
        "/admin/users/{id}/enable",
        ctx -> change(ctx, "enabled", (id, actor) -> users.enable(id, actor)));
    routes.post(
        "/admin/users/{id}/password",
        ctx ->
            change(
                ctx,
                "password",
                (id, actor) ->
                    users.setPassword(
                        id,
                        Passwords.hash(acceptable(ctx.formParam("password"))),
                        actor,
                        Auth.sessionToken(ctx))));
  }

  private interface Change {
    void apply(long id, Actor actor);
  }

  private void list(Context ctx) {
    Auth.requireAdmin(ctx);
    List<UserSummary> all = users.list();
    render(ctx, all, messageFor(ctx, all), null, NewUserForm.EMPTY);
  }

  private void create(Context ctx) {
    User admin = Auth.requireAdmin(ctx);
    String name = Optional.ofNullable(ctx.formParam("username")).orElse("").strip();
    String role = Optional.ofNullable(ctx.formParam("role")).orElse("");
    try {
      UserDao.checkName(name);
      Role parsed = Role.parse(role);
      User created =
          users.create(
              name, Passwords.hash(acceptable(ctx.formParam("password"))), parsed, Actor.of(admin));
      ctx.redirect("/admin/users?done=created&id=" + created.id());
    } catch (BadRequestException e) {
      refused(ctx, e, new NewUserForm(name, role));
    }
  }

  private void change(Context ctx, String done, Change change) {
    User admin = Auth.requireAdmin(ctx);
    long id = Params.idParam(ctx, "id");
    try {
      change.apply(id, Actor.of(admin));
    } catch (BadRequestException e) {
      refused(ctx, e, NewUserForm.EMPTY);
      return;
    }
    ctx.redirect("/admin/users?done=" + done + "&id=" + id);
  }

  /**
   * The page again with why, and what was typed into the create form, rather than an error page
   * that loses it.
   */
  private void refused(Context ctx, BadRequestException e, NewUserForm typed) {
    ctx.status(400);
    render(ctx, users.list(), null, e.getMessage(), typed);
  }

  private void render(
      Context ctx, List<UserSummary> all, String message, String error, NewUserForm form) {
    pages.render(
        ctx, new UsersPage(Auth.user(ctx), Auth.csrfToken(ctx), all, message, error, form));
  }

  private static String acceptable(String password) {
    String problem = Passwords.problemWith(password);
    if (problem != null) {
      throw new BadRequestException(problem);
    }
    return password;
  }

  /**
   * The done message names the user by the id in the link, looked up, so a crafted link cannot put
   * words in it.
   */
  private static String messageFor(Context ctx, List<UserSummary> all) {
    String done = ctx.queryParam("done");
    String idParam = ctx.queryParam("id");
    if (done == null || idParam == null) {
      return null;
    }
    Optional<UserSummary> user =
        all.stream().filter(u -> String.valueOf(u.id()).equals(idParam)).findFirst();
    if (user.isEmpty()) {
      return null;
    }
    String name = user.get().username();
    return switch (done) {
      case "created" ->
          "Created " + name + " (" + user.get().roleName() + "): they can sign in now.";
      case "role" -> name + " is now " + user.get().roleName() + ", from their next request on.";
      case "disabled" -> name + " is disabled and has been signed out.";
      case "enabled" -> name + " can sign in again.";
      case "password" -> "New password set for " + name + "; their other sessions have ended.";
      default -> null;
    };
  }
}
