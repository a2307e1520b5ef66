package dev.bulwark.secrets.detect;

import java.util.Locale;

/** The syntax a text is written in, which decides e.g. whether an unquoted {@code KEY=value} is an assignment. */
public enum TextFormat {
  CODE, ENV, YAML, JSON, TOML, PROPERTIES, INI, DOCKERFILE, NOTEBOOK, TEXT;

  /** Whether bare (unquoted) values are normal in this format. */
  public boolean unquotedValues() {
    return this == ENV || this == YAML || this == TOML || this == PROPERTIES || this == INI || this == DOCKERFILE;
  }

  /** Guesses the format from a file name. */
  public static TextFormat of(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    if (n.equals(".env") || n.startsWith(".env.") || n.endsWith(".env") || n.equals(".envrc") || n.equals("env")) {
      return ENV;
    }
    if (n.equals("dockerfile") || n.startsWith("dockerfile.") || n.endsWith(".dockerfile") || n.equals("containerfile")) {
      return DOCKERFILE;
    }
    if (n.endsWith(".ipynb")) return NOTEBOOK;
    if (n.endsWith(".yaml") || n.endsWith(".yml")) return YAML;
    if (n.endsWith(".json") || n.endsWith(".jsonc") || n.endsWith(".json5")) return JSON;
    if (n.endsWith(".toml")) return TOML;
    if (n.endsWith(".properties")) return PROPERTIES;
    if (n.endsWith(".ini") || n.endsWith(".cfg") || n.endsWith(".conf") || n.endsWith(".cnf")
        || n.equals(".npmrc") || n.equals(".pypirc") || n.equals(".netrc") || n.equals(".gitconfig")
        || n.equals("credentials") || n.equals(".s3cfg")) {
      return INI;
    }
    if (n.endsWith(".txt") || n.endsWith(".md") || n.endsWith(".rst") || n.endsWith(".log")) return TEXT;
    return CODE;
  }
}
