package dev.bulwark.data.detect;

import dev.bulwark.data.PiiEntity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Evidence from a column (or JSON field) name. The name is split into words at case changes, digits and
 * separators ({@code customerEmail}, {@code DATE_OF_BIRTH}, {@code ip-addr}); an entity matches when one of
 * its words is a word of the name, or one of its compound spellings is a substring of the compacted name.
 */
final class ColumnNames {

  private record Words(Set<String> tokens, List<String> compounds, Set<String> vetoes) {}

  private static final Map<PiiEntity, Words> NAMES = new EnumMap<>(PiiEntity.class);

  static {
    NAMES.put(PiiEntity.EMAIL, new Words(Set.of("email", "mail", "emails"), List.of("emailaddr", "mailaddr"), Set.of()));
    NAMES.put(PiiEntity.PHONE, new Words(Set.of("phone", "tel", "telephone", "mobile", "cell", "fax", "msisdn",
        "phones", "cellphone"), List.of("phonenumber", "phoneno", "mobilenumber", "telno"), Set.of()));
    NAMES.put(PiiEntity.CREDIT_CARD, new Words(Set.of("card", "cc", "pan", "creditcard", "ccnum"),
        List.of("creditcard", "cardnumber", "cardno", "ccnumber"), Set.of("sim", "id", "sd", "graphics")));
    NAMES.put(PiiEntity.IBAN, new Words(Set.of("iban"), List.of("iban"), Set.of()));
    NAMES.put(PiiEntity.US_SSN, new Words(Set.of("ssn", "sin", "socialsecurity"), List.of("socialsecurity"), Set.of()));
    NAMES.put(PiiEntity.IP_ADDRESS, new Words(Set.of("ip", "ipv4", "ipv6", "ipaddr", "ipaddress"),
        List.of("ipaddr", "remoteaddr", "clientaddr", "ipaddress"), Set.of()));
    NAMES.put(PiiEntity.MAC_ADDRESS, new Words(Set.of("mac", "macaddr", "bssid"), List.of("macaddr"), Set.of()));
    NAMES.put(PiiEntity.DATE_OF_BIRTH, new Words(Set.of("dob", "birth", "birthday", "birthdate", "born"),
        List.of("dateofbirth", "birthdate", "birthday"), Set.of()));
    NAMES.put(PiiEntity.PASSPORT, new Words(Set.of("passport"), List.of("passport"), Set.of()));
    NAMES.put(PiiEntity.DRIVER_LICENSE, new Words(Set.of("dl", "licence", "license"),
        List.of("driverlicen", "driverslicen", "drivinglicen", "dlnumber"), Set.of("software", "type", "url", "spdx", "key")));
    NAMES.put(PiiEntity.CRYPTO_WALLET, new Words(Set.of("wallet", "btc", "eth", "bitcoin", "ethereum"),
        List.of("walletaddr", "bitcoin", "ethereum"), Set.of()));
    NAMES.put(PiiEntity.PERSON, new Words(Set.of("name", "firstname", "lastname", "surname", "forename", "fullname",
        "fname", "lname", "patient", "customer", "employee", "person", "contact", "author", "recipient", "sender"),
        List.of("firstname", "lastname", "givenname", "familyname", "fullname", "middlename", "maidenname"),
        Set.of("file", "host", "user", "product", "company", "org", "organization", "domain", "table", "column",
            "field", "model", "dataset", "class", "label", "brand", "city", "country", "street", "display", "app",
            "package", "key", "id", "count", "type", "code", "email", "phone", "address", "department", "team")));
    NAMES.put(PiiEntity.STREET_ADDRESS, new Words(Set.of("address", "street", "addr", "residence", "addressline"),
        List.of("streetaddr", "addressline", "homeaddr", "postaladdr", "mailingaddr", "billingaddr", "shippingaddr"),
        Set.of("ip", "mac", "email", "mail", "wallet", "ipv4", "ipv6", "url", "web", "remote", "client", "server",
            "host", "btc", "eth")));
  }

  private ColumnNames() {}

  static boolean says(PiiEntity entity, String columnName) {
    Words w = NAMES.get(entity);
    if (w == null || columnName == null) {
      return false;
    }
    List<String> tokens = split(columnName);
    for (String t : tokens) {
      if (w.vetoes().contains(t)) {
        return false;
      }
    }
    for (String t : tokens) {
      if (w.tokens().contains(t)) {
        return true;
      }
    }
    String compact = String.join("", tokens);
    for (String c : w.compounds()) {
      if (compact.contains(c)) {
        return true;
      }
    }
    return false;
  }

  /** {@code customerEmailAddress2} → [customer, email, address]. */
  static List<String> split(String name) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char prev = 0;
    for (int i = 0; i < name.length() && i < 200; i++) {
      char c = name.charAt(i);
      boolean boundary = !Character.isLetter(c)
          || (Character.isUpperCase(c) && Character.isLowerCase(prev))
          || (Character.isUpperCase(c) && i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1))
              && Character.isUpperCase(prev));
      if (boundary && cur.length() > 0) {
        out.add(cur.toString().toLowerCase(Locale.ROOT));
        cur.setLength(0);
      }
      if (Character.isLetter(c)) {
        cur.append(c);
      }
      prev = c;
    }
    if (cur.length() > 0) {
      out.add(cur.toString().toLowerCase(Locale.ROOT));
    }
    return out;
  }
}
