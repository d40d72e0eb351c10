package io.lumbar.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumbar.search.QueryParser.ParsedQuery;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryParserTest {
  @Test
  void quoted_text_becomes_phrases_and_the_rest_loose_words() {
    ParsedQuery parsed = QueryParser.parse("pain \"quadratus lumborum\" at night “slipped disc”");
    assertThat(parsed.phrases()).containsExactly("quadratus lumborum", "slipped disc");
    assertThat(parsed.looseText()).isEqualTo("pain at night");
  }

  @Test
  void an_unbalanced_quote_is_plain_text() {
    ParsedQuery parsed = QueryParser.parse("back \"pain at night");
    assertThat(parsed.phrases()).isEmpty();
    assertThat(parsed.looseText()).isEqualTo("back pain at night");
  }

  @Test
  void empty_quotes_and_syntax_characters_are_not_phrases() {
    ParsedQuery parsed = QueryParser.parse("\"\" (*?~:");
    assertThat(parsed.phrases()).isEmpty();
    // Punctuation separates words, as in the tokenizer; on its own it leaves nothing to search.
    assertThat(parsed.looseText()).isEmpty();
  }

  @Test
  void repeated_words_count_once_and_long_queries_are_capped() {
    assertThat(QueryParser.parse("Pain pain PAIN leg").looseText()).isEqualTo("Pain leg");
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      many.append("w").append(i).append(' ');
    }
    assertThat(QueryParser.parse(many.toString()).looseText().split(" "))
        .hasSize(QueryParser.MAX_WORDS);
    assertThat(
            QueryParser.parse("\"a\" \"b\" \"c\" \"d\" \"e\" \"f\" \"g\" \"h\" \"i\" \"j\"")
                .phrases())
        .isEqualTo(List.of("a", "b", "c", "d", "e", "f", "g", "h"));
  }

  @Test
  void the_word_cap_counts_words_split_by_punctuation_too() {
    StringBuilder commaList = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      commaList.append("word").append(i).append(i % 2 == 0 ? "," : "/");
    }

    String loose = QueryParser.parse(commaList.toString()).looseText();

    org.assertj.core.api.Assertions.assertThat(loose.split(" ")).hasSize(QueryParser.MAX_WORDS);
  }
}
