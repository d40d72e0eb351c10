/**
 * Scratch databases beside the configured one ({@link io.lumbar.scratch.ScratchDatabase}): named
 * after it, dropped before a fresh run; and scratch folders ({@link
 * io.lumbar.scratch.ScratchFolder}) deleted after one. Used by {@code bench/} and {@code
 * relevance/}; depends on no Lumbar package.
 */
package io.lumbar.scratch;
