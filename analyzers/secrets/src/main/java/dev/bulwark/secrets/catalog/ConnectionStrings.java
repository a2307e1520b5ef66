package dev.bulwark.secrets.catalog;

import static dev.bulwark.model.Severity.CRITICAL;
import static dev.bulwark.model.Severity.HIGH;
import static dev.bulwark.secrets.catalog.Rules.regex;

import dev.bulwark.secrets.detect.Detector;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Database and broker URIs and connection strings with an inline password; the password is the secret. */
final class ConnectionStrings {

  private static final String USER = "[^\\s:@/\"'<>`]{0,128}";
  private static final String PASS = "([^\\s@/\"'<>`]{1,256})";
  private static final String HOST = "[A-Za-z0-9.\\-_\\[\\]]{1,255}";

  /** Passwords that tutorials and compose files use on purpose. */
  private static final Set<String> DEFAULTS = Set.of("password", "pass", "passwd", "pwd", "secret", "postgres",
      "root", "admin", "user", "test", "guest", "mysql", "mongo", "redis", "rabbitmq", "kafka", "changeme",
      "example", "dbpass", "db_password", "mypassword", "mysecretpassword", "pw", "p", "x", "xxx", "****", "***",
      "******", "passw0rd", "foo", "bar", "s3cr3t", "default", "demo", "sample", "dev", "devpass", "testpass",
      "localhost");

  private ConnectionStrings() {}

  static List<Detector> all() {
    return List.of(
        uri("postgres-uri", "PostgreSQL connection URI with password", "(?:postgres|postgresql)(?:\\+[a-z0-9]+)?",
            "postgres"),
        uri("mysql-uri", "MySQL / MariaDB connection URI with password", "(?:mysql|mariadb)(?:\\+[a-z0-9]+)?", "mysql",
            "mariadb"),
        uri("mongodb-uri", "MongoDB connection URI with password", "mongodb(?:\\+srv)?", "mongodb"),
        uri("redis-uri", "Redis connection URI with password", "rediss?", "redis"),
        uri("amqp-uri", "AMQP (RabbitMQ) connection URI with password", "amqps?", "amqp"),
        uri("ldap-uri", "LDAP URI with bind password", "ldaps?", "ldap"),
        uri("ftp-uri", "FTP/SFTP URI with password", "s?ftps?", "ftp://", "sftp://", "ftps://"),
        uri("database-uri", "Database URI with password (SQL Server, CockroachDB, ClickHouse, Neo4j, CouchDB, NATS)",
            "(?:mssql|sqlserver|cockroachdb|clickhouse|couchdb|couchbase|neo4j(?:\\+s)?|bolt|nats|memcached|cassandra|snowflake|oracle)",
            "mssql", "sqlserver", "cockroachdb", "clickhouse", "couchdb", "couchbase", "neo4j", "bolt://", "nats://",
            "memcached", "cassandra", "snowflake://", "oracle://"),
        regex("kafka-sasl-password", "Kafka SASL password", CRITICAL,
            "(?i)(?:sasl\\.jaas\\.config[^\\n]{0,300}?\\bpassword\\s*=\\s*\\\\?[\"']([^\"'\\\\\\s]{4,256})"
                + "|(?:sasl[._]password|sasl_plain_password|sasl\\.plain\\.password|sasl_password)[\"']?\\s*[:=]\\s*[\"']?([^\"'\\s,;}]{4,256}))",
            "sasl.jaas.config", "sasl.password", "sasl_password", "sasl_plain_password", "sasl.plain.password")
            .validator(ConnectionStrings::realPassword).priority(15).build(),
        regex("jdbc-url-password", "JDBC URL with password", CRITICAL,
            "jdbc:[a-z0-9:]{2,30}[^\\s\"'<>]{0,300}?[?;&](?i:password|pwd)=([^\\s&;\"'<>]{4,256})", "jdbc:")
            .validator(ConnectionStrings::realPassword).priority(15).build(),
        regex("sqlserver-connection-string", "SQL Server / ADO.NET connection string with password", CRITICAL,
            "(?i)(?:server|data source|host)\\s*=[^;\"'\\n]{1,200};[^\"'\\n]{0,300}?\\b(?:password|pwd)\\s*=\\s*([^;\"'\\s]{4,256})",
            "data source=", "server=", "host=").validator(ConnectionStrings::realPassword).priority(12).build(),
        regex("url-basic-auth", "Credentials embedded in an HTTP(S) URL", HIGH,
            "https?://[A-Za-z0-9._%+\\-]{1,64}:([^\\s@/\"'<>:`]{3,128})@[A-Za-z0-9.\\-]{1,255}", "http://", "https://")
            .validator(ConnectionStrings::realPassword).priority(3).build());
  }

  private static Detector uri(String slug, String title, String scheme, String... keywords) {
    return regex(slug, title, CRITICAL,
        "(?i)\\b" + scheme + "://" + USER + ":" + PASS + "@" + HOST, keywords)
        .validator(ConnectionStrings::realPassword).priority(12)
        .about(title + ": a `" + scheme.replace("(?:", "(").replace("\\+", "+") + "://user:password@host` URI. "
            + "Template variables, well-known default passwords and placeholders are not reported.")
        .build();
  }

  static boolean realPassword(String p) {
    String v = p.toLowerCase(Locale.ROOT);
    if (DEFAULTS.contains(v) || v.startsWith("$") || v.startsWith("%") || v.startsWith("{") || v.startsWith("<")
        || v.startsWith("[") || v.startsWith("*") || v.contains("${") || v.contains("{{") || v.contains("password")
        || v.equals(v.replaceAll("[^a-z_]", "")) && v.length() <= 6) {
      return false;
    }
    return true;
  }
}
