package io.lumbar.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Configuration from the environment: defaults, one clear message for a bad value, no secrets when
 * printed.
 */
class ConfigTest {
  @Test
  void defaults_suit_a_laptop() {
    Config config = Config.fromMap(Map.of());
    assertThat(config.port()).isEqualTo(7070);
    assertThat(config.dbUrl()).isEmpty();
    assertThat(config.indexDir()).hasToString("index/data");
    assertThat(config.warmupSeconds()).isEqualTo(5);
    assertThat(config.fusion()).isEmpty();
  }

  @Test
  void fusion_weights_are_kept_as_written_and_checked_where_search_is_built() {
    Config config = Config.fromMap(Map.of("LUMBAR_FUSION", " 0.5,0.2,1,2.5,0.05,0.2 "));
    assertThat(config.fusion()).contains("0.5,0.2,1,2.5,0.05,0.2");
    assertThat(config.toString()).endsWith(", fusion=0.5,0.2,1,2.5,0.05,0.2]");
    assertThat(Config.fromMap(Map.of("LUMBAR_FUSION", " ")).fusion()).isEmpty();
  }

  @Test
  void a_negative_warmup_is_refused_and_zero_skips_it() {
    assertThatThrownBy(() -> Config.fromMap(Map.of("LUMBAR_WARMUP_SECONDS", "-1")))
        .isInstanceOf(Config.ConfigException.class)
        .hasMessage("LUMBAR_WARMUP_SECONDS must be 0 or more, got -1");
    assertThat(Config.fromMap(Map.of("LUMBAR_WARMUP_SECONDS", "0")).warmupSeconds()).isZero();
  }

  @Test
  void a_bad_number_names_the_variable() {
    assertThatThrownBy(() -> Config.fromMap(Map.of("LUMBAR_PORT", "80a")))
        .isInstanceOf(Config.ConfigException.class)
        .hasMessage("LUMBAR_PORT must be a whole number, got '80a'");
  }

  @Test
  void printing_a_config_never_shows_the_database_password() {
    Config config =
        Config.fromMap(
            Map.of(
                "LUMBAR_DB_URL",
                "jdbc:mariadb://db:3306/lumbar",
                "LUMBAR_DB_PASSWORD",
                "s3cret-Pa55"));
    assertThat(config.toString())
        .doesNotContain("s3cret-Pa55")
        .contains("dbPassword=(set)")
        .contains("jdbc:mariadb://db:3306/lumbar");
  }
}
