/**
 * The small shared HTTP layer every feature's routes use: {@link io.lumbar.web.HttpErrors} (the one
 * place exceptions become status codes, JSON under {@code /api} and pages elsewhere, never a stack
 * trace), {@link io.lumbar.web.Pages} and {@link io.lumbar.web.Page} (rendering a typed page object
 * with its jte template), {@link io.lumbar.web.Params} (parameter parsing with 400s), {@link
 * io.lumbar.web.Json} and {@link io.lumbar.web.JsonBody} (answers encoded straight to bytes),
 * {@code SecurityHeaders}, {@code ServerSettings} (also the request threads), {@code JettyErrors}.
 *
 * <p>May depend on {@code db/} (domain exceptions) and {@code indexing/} (its unavailable-index
 * exception) only; no feature package.
 */
package io.lumbar.web;
