package dev.bulwark.model.scan.pickle;

/**
 * Bounds on one symbolic run, so that a hostile pickle cannot exhaust memory or time.
 *
 * @param maxOpcodes opcodes per pickle
 * @param maxStack stack depth (and marks)
 * @param maxMemo memo entries
 * @param captureLimit largest byte payload kept in memory (larger ones are skipped)
 * @param maxDepth nesting of pickles inside pickles
 * @param maxStacked pickles read one after another from one stream
 */
public record PickleLimits(long maxOpcodes, int maxStack, int maxMemo, int captureLimit, int maxDepth, int maxStacked) {

  public static final PickleLimits DEFAULT = new PickleLimits(500_000_000L, 1_000_000, 2_000_000, 1 << 20, 4, 64);

  public PickleLimits {
    if (maxOpcodes <= 0 || maxStack <= 0 || maxMemo <= 0 || captureLimit < 0 || maxDepth < 0 || maxStacked <= 0) {
      throw new IllegalArgumentException("pickle limits must be positive: " + maxOpcodes + "/" + maxStack + "/"
          + maxMemo + "/" + captureLimit + "/" + maxDepth + "/" + maxStacked);
    }
  }
}
