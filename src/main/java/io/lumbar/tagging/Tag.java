package io.lumbar.tagging;

import java.util.List;

/** A cause or treatment in the taxonomy, with the lay words people use for it. */
record Tag(
    long id, String kind, String slug, String name, String description, List<String> aliases) {}
