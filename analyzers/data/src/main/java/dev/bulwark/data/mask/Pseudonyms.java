package dev.bulwark.data.mask;

import dev.bulwark.data.PiiEntity;
import dev.bulwark.data.detect.Dates;
import dev.bulwark.data.validate.Iban;
import dev.bulwark.data.validate.PaymentCards;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Stable pseudonyms: the same value, entity and key always give the same replacement, and the replacement
 * keeps the value's format — a card stays a Luhn-valid card with the same separators, a phone keeps its
 * country code and layout, an e-mail stays an address, an IBAN keeps its country and valid check digits,
 * a date stays a valid date in the same layout. Anything else keeps its character classes.
 */
public final class Pseudonyms {

  private static final List<String> FIRST = List.of("Alex", "Sam", "Robin", "Jordan", "Taylor", "Morgan", "Casey",
      "Jamie", "Avery", "Riley", "Quinn", "Rowan", "Sasha", "Noor", "Kai", "Mika", "Elia", "Ari", "Dana", "Lee",
      "Nico", "Remy", "Sky", "Toni", "Yuki", "Zuri", "Ilan", "Maren", "Oren", "Petra", "Wren", "Emery");
  private static final List<String> LAST = List.of("Ashdown", "Birchley", "Calder", "Dunmore", "Ellery", "Fairholm",
      "Glenrow", "Hartwell", "Ivesdale", "Jessop", "Kettering", "Larkin", "Merriam", "Norcott", "Oakes", "Pemberly",
      "Quarrie", "Redfern", "Stanway", "Thorne", "Upton", "Vance", "Whitlow", "Yardley", "Brookes", "Carrow");
  private static final List<String> WORDS = List.of("north", "harbor", "maple", "stone", "river", "cedar", "summit",
      "meadow", "falcon", "amber", "willow", "granite", "orchid", "lumen", "vertex", "quill");
  private static final Set<String> PUBLIC_MAIL = Set.of("gmail.com", "googlemail.com", "yahoo.com", "outlook.com",
      "hotmail.com", "live.com", "icloud.com", "me.com", "aol.com", "proton.me", "protonmail.com", "gmx.de", "gmx.net",
      "web.de", "mail.ru", "yandex.ru", "qq.com", "163.com");

  private Pseudonyms() {}

  public static String of(MaskKey key, PiiEntity entity, String value) {
    if (value.isEmpty()) {
      return value;
    }
    MaskKey.Stream r = key.stream(entity == null ? "" : entity.id(), value);
    if (entity == null) {
      return classPreserving(r, value, 0);
    }
    return switch (entity) {
      case EMAIL -> email(r, value);
      case CREDIT_CARD -> card(r, value);
      case PHONE -> phone(r, value);
      case IBAN -> iban(r, value);
      case PERSON -> person(r, value);
      case DATE_OF_BIRTH -> Dates.isDate(value) ? date(r, value) : classPreserving(r, value, 0);
      default -> classPreserving(r, value, 0);
    };
  }

  static String email(MaskKey.Stream r, String value) {
    int at = value.lastIndexOf('@');
    if (at <= 0) {
      return classPreserving(r, value, 0);
    }
    String domain = value.substring(at + 1).toLowerCase(Locale.ROOT);
    String local = pick(r, FIRST).toLowerCase(Locale.ROOT) + "." + pick(r, LAST).toLowerCase(Locale.ROOT) + r.nextInt(100);
    if (!PUBLIC_MAIL.contains(domain)) {
      int dot = domain.lastIndexOf('.');
      String tld = dot >= 0 ? domain.substring(dot + 1) : "com";
      domain = pick(r, WORDS) + "-" + pick(r, WORDS) + "." + tld;
    }
    return local + "@" + domain;
  }

  /** Keeps the first two digits and the layout; new digits; a valid Luhn check digit. */
  static String card(MaskKey.Stream r, String value) {
    StringBuilder digits = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      if (Character.isDigit(value.charAt(i))) {
        digits.append(value.charAt(i));
      }
    }
    int n = digits.length();
    if (n < 8) {
      return classPreserving(r, value, 0);
    }
    StringBuilder fresh = new StringBuilder(digits.substring(0, 2));
    while (fresh.length() < n - 1) {
      fresh.append((char) ('0' + r.nextInt(10)));
    }
    fresh.append((char) ('0' + PaymentCards.luhnCheckDigit(fresh)));
    return relayout(value, fresh);
  }

  /** Keeps a leading + and the first two digits (country or trunk code) and the layout. */
  static String phone(MaskKey.Stream r, String value) {
    StringBuilder b = new StringBuilder(value.length());
    int digits = 0;
    boolean ext = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == 'x' || c == 'X') {
        ext = true;
      }
      if (Character.isDigit(c)) {
        digits++;
        b.append(digits <= 2 && !ext ? c : (char) ('0' + r.nextInt(10)));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  static String iban(MaskKey.Stream r, String value) {
    String compact = value.replace(" ", "");
    if (compact.length() < 15 || !Character.isLetter(compact.charAt(0)) || !Character.isLetter(compact.charAt(1))) {
      return classPreserving(r, value, 0);
    }
    String country = compact.substring(0, 2).toUpperCase(Locale.ROOT);
    String bban = classPreserving(r, compact.substring(4), 0).toUpperCase(Locale.ROOT);
    String check = "00";
    for (int cd = 2; cd <= 98; cd++) {
      String candidate = country + String.format(Locale.ROOT, "%02d", cd) + bban;
      if (Iban.isValid(candidate)) {
        check = String.format(Locale.ROOT, "%02d", cd);
        break;
      }
    }
    String out = country + check + bban;
    if (!Character.isUpperCase(value.charAt(0))) {
      out = out.toLowerCase(Locale.ROOT);
    }
    return value.indexOf(' ') >= 0 ? relayout(value, out) : out;
  }

  static String person(MaskKey.Stream r, String value) {
    String[] words = value.trim().split(" ", -1);
    if (words.length == 1) {
      return pick(r, FIRST);
    }
    return pick(r, FIRST) + " " + pick(r, LAST);
  }

  /** A valid date in the same layout: same separators, same field widths and order. */
  static String date(MaskKey.Stream r, String value) {
    int year = 1940 + r.nextInt(66);
    int month = 1 + r.nextInt(12);
    int day = 1 + r.nextInt(28);
    StringBuilder b = new StringBuilder();
    int field = 0;
    int i = 0;
    String v = value.strip();
    boolean yearFirst = v.length() > 4 && Character.isDigit(v.charAt(3)) && Character.isDigit(v.charAt(2))
        && Character.isDigit(v.charAt(1));
    while (i < v.length()) {
      int s = i;
      while (i < v.length() && Character.isDigit(v.charAt(i))) {
        i++;
      }
      int width = i - s;
      int num = yearFirst ? (field == 0 ? year : field == 1 ? month : day) : (field == 0 ? month : field == 1 ? day : year);
      if (width > 0) {
        String f = width == 4 ? String.valueOf(num) : width == 2 ? String.format(Locale.ROOT, "%02d", num % 100) : String.valueOf(num);
        b.append(f);
        field++;
      }
      if (i < v.length()) {
        b.append(v.charAt(i));
        i++;
        if (field >= 3) {
          b.append(v, i, v.length());
          break;
        }
      }
    }
    return b.toString();
  }

  /** Digits to digits, upper to upper, lower to lower, the rest unchanged (from {@code from}). */
  static String classPreserving(MaskKey.Stream r, String value, int from) {
    StringBuilder b = new StringBuilder(value.length());
    b.append(value, 0, from);
    for (int i = from; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= '0' && c <= '9') {
        b.append((char) ('0' + r.nextInt(10)));
      } else if (c >= 'A' && c <= 'Z') {
        b.append((char) ('A' + r.nextInt(26)));
      } else if (c >= 'a' && c <= 'z') {
        b.append((char) ('a' + r.nextInt(26)));
      } else if (Character.isLetter(c)) {
        b.append(Character.isUpperCase(c) ? (char) ('A' + r.nextInt(26)) : (char) ('a' + r.nextInt(26)));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** Puts the characters of {@code compact} into the non-separator positions of {@code layout}. */
  private static String relayout(String layout, CharSequence compact) {
    StringBuilder b = new StringBuilder(layout.length());
    int k = 0;
    for (int i = 0; i < layout.length(); i++) {
      char c = layout.charAt(i);
      if (Character.isLetterOrDigit(c) && k < compact.length()) {
        b.append(compact.charAt(k++));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static String pick(MaskKey.Stream r, List<String> from) {
    return from.get(r.nextInt(from.size()));
  }
}
