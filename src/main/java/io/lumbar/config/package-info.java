/**
 * Configuration and what a command is handed. {@link io.lumbar.config.Config} reads every {@code
 * LUMBAR_*} environment variable once; {@link io.lumbar.config.CommandContext} is what the command
 * line gives each command (the config, standard input, the configured database), so a feature's
 * command depends on this package and not on {@code io.lumbar.Main}, which lists the commands.
 *
 * <p>May depend on {@code db/} only.
 */
package io.lumbar.config;
