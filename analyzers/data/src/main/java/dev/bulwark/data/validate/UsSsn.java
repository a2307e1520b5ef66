package dev.bulwark.data.validate;

/**
 * US Social Security numbers under the rules in force since randomisation (2011): area 001-899 except 666,
 * group 01-99, serial 0001-9999; plus numbers the SSA voided for advertising.
 */
public final class UsSsn {

  private UsSsn() {}

  public static boolean isValid(String nineDigits) {
    if (nineDigits.length() != 9) {
      return false;
    }
    for (int i = 0; i < 9; i++) {
      if (!Character.isDigit(nineDigits.charAt(i))) {
        return false;
      }
    }
    int area = Integer.parseInt(nineDigits, 0, 3, 10);
    int group = Integer.parseInt(nineDigits, 3, 5, 10);
    int serial = Integer.parseInt(nineDigits, 5, 9, 10);
    if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0) {
      return false;
    }
    // published examples and sequences that never identify anyone
    return !nineDigits.equals("078051120") && !nineDigits.equals("219099999") && !nineDigits.equals("123456789")
        && nineDigits.chars().distinct().count() > 1;
  }
}
