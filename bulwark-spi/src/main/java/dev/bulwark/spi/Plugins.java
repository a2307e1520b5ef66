package dev.bulwark.spi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Function;

/** Loads every implementation of an SPI interface on the class path, in a stable order. */
public final class Plugins {

  private Plugins() {}

  public static <T> List<T> load(Class<T> type, Function<T, String> id) {
    List<T> found = new ArrayList<>();
    ServiceLoader.load(type, Plugins.class.getClassLoader()).forEach(found::add);
    found.sort(Comparator.comparing(id));
    return List.copyOf(found);
  }
}
