package dev.bulwark.data.validate;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * Phone numbers through libphonenumber. A number written with a {@code +} or an international prefix is
 * checked on its own; a national number is tried against the configured default region first, then a
 * short list of common regions, so that the result is region-aware without trying all 240 regions.
 */
public final class Phones {

  /** How well a candidate validates. */
  public enum Check { VALID, POSSIBLE, INVALID }

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final List<String> COMMON = List.of("US", "GB", "DE", "FR", "IN", "BR", "CA", "AU");

  private final List<String> regions;

  public Phones(String defaultRegion) {
    LinkedHashSet<String> r = new LinkedHashSet<>();
    if (defaultRegion != null && !defaultRegion.isBlank()) {
      String region = defaultRegion.trim().toUpperCase(Locale.ROOT);
      if (!UTIL.getSupportedRegions().contains(region)) {
        throw new IllegalArgumentException("unknown phone region '" + defaultRegion + "' (expected an ISO 3166 code such as US)");
      }
      r.add(region);
    }
    r.addAll(COMMON);
    this.regions = List.copyOf(new ArrayList<>(r));
  }

  /** Checks a bounded candidate (at most 40 characters, already cut out of the text). */
  public Check check(String candidate) {
    if (candidate.length() > 40) {
      return Check.INVALID;
    }
    String c = candidate.strip();
    if (c.startsWith("+") || c.startsWith("00")) {
      return checkIn(c.startsWith("00") ? "+" + c.substring(2) : c, "ZZ");
    }
    Check best = Check.INVALID;
    for (String region : regions) {
      Check r = checkIn(c, region);
      if (r == Check.VALID) {
        return r;
      }
      if (r == Check.POSSIBLE) {
        best = r;
      }
    }
    return best;
  }

  private static Check checkIn(String text, String region) {
    try {
      PhoneNumber n = UTIL.parse(text, region);
      // isValidNumberForRegion avoids isValidNumber's walk over every region sharing the country code
      boolean valid = "ZZ".equals(region) ? UTIL.isValidNumber(n)
          : UTIL.getCountryCodeForRegion(region) == n.getCountryCode() ? UTIL.isValidNumberForRegion(n, region)
          : UTIL.isValidNumber(n);
      if (valid) {
        return Check.VALID;
      }
      return UTIL.isPossibleNumber(n) ? Check.POSSIBLE : Check.INVALID;
    } catch (NumberParseException e) {
      return Check.INVALID;
    }
  }
}
