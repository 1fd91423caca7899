package dev.cartwright.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void aHostingPlatformsUrlBecomesJdbcWithTheCredentialsApart() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://shop:p%40ss%3Aword@db.example.com:6543/cartwright?sslmode=require");

        assertThat(url).isEqualTo(new DatabaseUrl("jdbc:postgresql://db.example.com:6543/cartwright?sslmode=require",
                "shop", "p@ss:word"));
    }

    @Test
    void postgresqlSchemeAndNoPortOrCredentialsWork() {
        assertThat(DatabaseUrl.parse("postgresql://db/cartwright"))
                .isEqualTo(new DatabaseUrl("jdbc:postgresql://db/cartwright", null, null));
    }

    @Test
    void aJdbcUrlIsTakenAsItIs() {
        String jdbc = "jdbc:postgresql://localhost:5432/cartwright?user=shop&password=secret";

        assertThat(DatabaseUrl.parse(jdbc)).isEqualTo(new DatabaseUrl(jdbc, null, null));
    }

    @Test
    void anotherDatabaseIsRefusedWithTheReason() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://localhost/shop"))
                .hasMessageContaining("DATABASE_URL must start with");
    }
}
