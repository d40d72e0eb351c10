/**
 * Lumbar: searchable passages about lower back pain, with an editors' console. This package holds
 * only {@link io.lumbar.Main}, the command line, which lists every command and hands each a {@link
 * io.lumbar.config.CommandContext}; nothing depends on it. The server is wired in {@code
 * server/App}. Each feature package's {@code package-info.java} says what it owns, its entry points
 * and what it may depend on.
 */
package io.lumbar;
