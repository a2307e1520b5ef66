package dev.bulwark.data.table;

import java.util.ArrayList;
import java.util.List;

/** What a tolerant reader passed over or cut short, each naming its line; a few listed, the rest counted. */
final class PassedOver {

  static final int LISTED = 20;

  private final List<String> listed = new ArrayList<>();
  private long count;

  void add(String what) {
    count++;
    if (listed.size() < LISTED) {
      listed.add(what);
    }
  }

  List<String> list() {
    if (count <= listed.size()) {
      return List.copyOf(listed);
    }
    List<String> all = new ArrayList<>(listed);
    all.add("and " + (count - listed.size()) + " more");
    return List.copyOf(all);
  }
}
