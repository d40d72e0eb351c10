package io.lumbar.scratch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * A scratch database sits beside the configured one, on the same servers, with the same options.
 */
class ScratchDatabaseTest {
  @Test
  void is_named_after_the_configured_database_on_the_same_servers() {
    assertThat(ScratchDatabase.beside("jdbc:mariadb://127.0.0.1:3306/lumbar", "_bench_1000"))
        .isEqualTo("jdbc:mariadb://127.0.0.1:3306/lumbar_bench_1000");
    assertThat(ScratchDatabase.beside("jdbc:mariadb:sequential://a:1,b:2/cms?x=1", "_eval"))
        .isEqualTo("jdbc:mariadb:sequential://a:1,b:2/cms_eval?x=1");
  }

  @Test
  void refuses_what_is_not_a_plain_database_name() {
    assertThatThrownBy(() -> ScratchDatabase.beside("jdbc:mariadb://h/lumbar", "`; DROP"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ScratchDatabase.beside("postgres://h/lumbar", "_eval"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
