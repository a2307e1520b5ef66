package dev.bulwark.secrets.catalog;

import static dev.bulwark.model.Severity.CRITICAL;
import static dev.bulwark.model.Severity.HIGH;
import static dev.bulwark.secrets.catalog.Rules.regex;

import dev.bulwark.secrets.detect.Detector;
import dev.bulwark.secrets.detect.UriCredentialMatcher;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Database and broker URIs and connection strings with an inline password; the password is the secret. */
final class ConnectionStrings {


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
            "data source=", "server=", "host=").validator(ConnectionStrings::realPassword).priority(12).multiline(400).build(),
Detector.builder("url-basic-auth", "Credentials embedded in an HTTP(S) URL", HIGH)
            .keywords("http://", "https://")
            .matcher(new UriCredentialMatcher(java.util.Set.of("http", "https")))
            .validator(ConnectionStrings::realPassword).priority(3)
            .about("Credentials embedded in an HTTP(S) URL: `https://user:password@host`; the password is the secret. "
                + "Template variables, well-known default passwords and placeholders are not reported.")
            .build());
  }

  private static Detector uri(String slug, String title, String scheme, String... keywords) {
    java.util.Set<String> names = new java.util.TreeSet<>();
    for (String k : keywords) {
      names.add(k.replace("://", ""));
    }
    names.addAll(SCHEMES.getOrDefault(slug, java.util.Set.of()));
    return Detector.builder(slug, title, CRITICAL)
        .keywords(keywords)
        .matcher(new UriCredentialMatcher(names))
        .validator(ConnectionStrings::realPassword).priority(12)
        .about(title + ": a `" + String.join("|", names) + "://user:password@host` URI; the password is the secret. "
            + "Template variables, well-known default passwords and placeholders are not reported.")
        .build();
  }

  /** Scheme spellings beyond the keywords. */
  private static final java.util.Map<String, java.util.Set<String>> SCHEMES = java.util.Map.of(
      "postgres-uri", java.util.Set.of("postgres", "postgresql"),
      "mongodb-uri", java.util.Set.of("mongodb", "mongodb+srv"),
      "redis-uri", java.util.Set.of("redis", "rediss"),
      "amqp-uri", java.util.Set.of("amqp", "amqps"),
      "ldap-uri", java.util.Set.of("ldap", "ldaps"),
      "ftp-uri", java.util.Set.of("ftp", "sftp", "ftps"),
      "database-uri", java.util.Set.of("neo4j+s", "neo4j+ssc", "bolt+s"),
      "url-basic-auth", java.util.Set.of("http", "https"));

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
