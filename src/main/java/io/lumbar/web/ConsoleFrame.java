package io.lumbar.web;

/**
 * Who the console's frame (header, navigation, sign-out) is drawn for: the signed-in user's name,
 * role and whether they are an admin, and the session's CSRF token for the sign-out form. Error
 * pages under /admin use it to stay inside the console.
 */
public record ConsoleFrame(String username, String role, boolean admin, String csrf) {}
