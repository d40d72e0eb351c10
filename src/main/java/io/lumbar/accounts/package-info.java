/**
 * Who may do what in the console: users ({@code UserDao}, {@code Role}, {@code Passwords}:
 * Argon2id), sessions and CSRF ({@code SessionDao}, {@link io.lumbar.accounts.Auth}, the guard
 * every console route asks), sign-in and its throttling ({@code LoginRoutes}, {@code
 * LoginThrottle}), API tokens ({@code ApiTokens}, {@code TokenRoutes}), user administration ({@code
 * UserRoutes}, and the {@code lumbar user} command, {@code UserCommand}); sign-in, sign-out and
 * every change to users or tokens are audited through {@code audit/}.
 *
 * <p>Entry points: {@code Auth}, {@code User}. May depend on {@code audit/}, {@code config/},
 * {@code db/}, {@code web/}.
 */
package io.lumbar.accounts;
