package dev.bulwark.model;

/** CycloneDX component types that Bulwark produces. */
public enum ComponentType {
  LIBRARY("library"),
  APPLICATION("application"),
  FRAMEWORK("framework"),
  OPERATING_SYSTEM("operating-system"),
  CONTAINER("container"),
  MACHINE_LEARNING_MODEL("machine-learning-model"),
  DATA("data"),
  FILE("file");

  private final String id;

  ComponentType(String id) {
    this.id = id;
  }

  /** The CycloneDX spelling, also used in the JSON report. */
  public String id() {
    return id;
  }
}
