package io.lumbar.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lumbar.db.MariaDbUrl.Host;
import java.util.List;
import org.junit.jupiter.api.Test;

/** LUMBAR_DB_URL: one server, or a Galera cluster's members with the driver's failover mode. */
class MariaDbUrlTest {
  @Test
  void one_local_host_gets_tls_off_and_a_default_port_and_database() {
    MariaDbUrl url = MariaDbUrl.parse("jdbc:mariadb://127.0.0.1/");
    assertThat(url.hosts()).containsExactly(new Host("127.0.0.1", 3306));
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:mariadb://127.0.0.1:3306/lumbar?sslMode=disable");
    assertThat(url.serverUrl()).isEqualTo("jdbc:mariadb://127.0.0.1:3306/?sslMode=disable");
  }

  @Test
  void a_sequential_url_keeps_its_mode_hosts_in_order_and_options() {
    MariaDbUrl url =
        MariaDbUrl.parse(
            "jdbc:mariadb:sequential://127.0.0.1:3311,localhost:3312,[::1]:3313/lumbar?connectTimeout=900");
    assertThat(url.mode()).isEqualTo("sequential");
    assertThat(url.hosts())
        .containsExactly(
            new Host("127.0.0.1", 3311), new Host("localhost", 3312), new Host("[::1]", 3313));
    assertThat(url.jdbcUrl())
        .isEqualTo(
            "jdbc:mariadb:sequential://127.0.0.1:3311,localhost:3312,[::1]:3313/lumbar?connectTimeout=900&sslMode=disable");
    assertThat(url.serverUrl())
        .isEqualTo(
            "jdbc:mariadb:sequential://127.0.0.1:3311,localhost:3312,[::1]:3313/?connectTimeout=900&sslMode=disable");
  }

  @Test
  void tls_stays_on_when_any_member_is_remote() {
    MariaDbUrl url =
        MariaDbUrl.parse("jdbc:mariadb:loadbalance://127.0.0.1:3311,db2.internal:3306/lumbar");
    assertThat(url.options()).isEmpty();
    assertThat(url.jdbcUrl())
        .isEqualTo("jdbc:mariadb:loadbalance://127.0.0.1:3311,db2.internal:3306/lumbar");
  }

  @Test
  void the_database_name_is_the_same_for_every_mode() {
    assertThat(MariaDbUrl.parse("jdbc:mariadb:sequential://a:1,b:2/cms").database())
        .isEqualTo("cms");
    assertThat(MariaDbUrl.parse("jdbc:mariadb://a:1/cms?x=1").database()).isEqualTo("cms");
  }

  @Test
  void bad_urls_are_refused_with_what_to_write_instead() {
    for (var bad :
        List.of(
            List.of(
                "postgres://db/lumbar",
                "must look like jdbc:mariadb://host:3306/lumbar or jdbc:mariadb:sequential://"),
            List.of(
                "jdbc:mariadb://a:3306,b:3306/lumbar",
                "names 2 hosts: say how to use them, e.g. jdbc:mariadb:sequential://a:3306,b:3306/"),
            List.of(
                "jdbc:mariadb:replication://a,b/lumbar",
                "unsupported mode 'replication'; use sequential or loadbalance"),
            List.of("jdbc:mariadb:sequential://a:3306,,b/lumbar", "'' is not a host or host:port"),
            List.of(
                "jdbc:mariadb:sequential://a:99999/lumbar",
                "port 99999 of 'a:99999' is not between 1 and 65535"),
            List.of("jdbc:mariadb:sequential://a:x/lumbar", "'a:x' is not a host or host:port"),
            List.of(
                "jdbc:mariadb://a/lum-bar",
                "Database name 'lum-bar' may only use letters, digits, _ and $"))) {
      assertThatThrownBy(() -> MariaDbUrl.parse(bad.get(0)))
          .as(bad.get(0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(bad.get(1));
    }
    assertThatThrownBy(() -> MariaDbUrl.parse(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
