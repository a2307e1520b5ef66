package dev.bulwark.data.detect;

import dev.bulwark.data.PiiEntity;

/** One detected value in a text: half-open character span {@code [start, end)} and a confidence in [0, 1]. */
public record Detection(PiiEntity entity, int start, int end, double confidence) {

  public Detection {
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
    confidence = Math.max(0, Math.min(1, confidence));
  }

  public boolean overlaps(Detection o) {
    return start < o.end && o.start < end;
  }

  public String value(CharSequence text) {
    return text.subSequence(start, end).toString();
  }
}
