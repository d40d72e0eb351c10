package io.lumbar.tagging;

/**
 * A tag proposed for a passage: {@code score} orders them, {@code why} says in words what drove it.
 */
public record TagSuggestion(String slug, String kind, String name, double score, String why) {}
