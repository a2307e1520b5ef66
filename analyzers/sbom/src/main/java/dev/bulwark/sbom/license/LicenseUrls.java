package dev.bulwark.sbom.license;

import java.util.Locale;
import java.util.Map;

/**
 * Licence URLs as declared where a name is missing (a POM {@code <license>} with only {@code <url>}, a
 * {@code Bundle-License} header written by maven-bundle-plugin from the POM): the canonical pages of common
 * licences, and {@code opensource.org/licenses/<id>} or {@code spdx.org/licenses/<id>} naming an SPDX id. Any
 * other URL (a project's own LICENSE file on GitHub) says nothing about which licence it is.
 */
final class LicenseUrls {

  private static final Map<String, String> PAGES = Map.ofEntries(
      Map.entry("apache.org/licenses/license-2.0", "Apache-2.0"),
      Map.entry("opensource.org/licenses/apache2.0", "Apache-2.0"),
      Map.entry("opensource.org/licenses/mit-license", "MIT"),
      Map.entry("opensource.org/licenses/isc-license", "ISC"),
      Map.entry("gnu.org/licenses/gpl-2.0", "GPL-2.0-only"),
      Map.entry("gnu.org/licenses/old-licenses/gpl-2.0", "GPL-2.0-only"),
      Map.entry("gnu.org/licenses/gpl-3.0", "GPL-3.0-only"),
      Map.entry("gnu.org/licenses/lgpl-2.1", "LGPL-2.1-only"),
      Map.entry("gnu.org/licenses/old-licenses/lgpl-2.1", "LGPL-2.1-only"),
      Map.entry("gnu.org/licenses/lgpl-3.0", "LGPL-3.0-only"),
      Map.entry("gnu.org/licenses/agpl-3.0", "AGPL-3.0-only"),
      Map.entry("eclipse.org/legal/epl-v10", "EPL-1.0"),
      Map.entry("eclipse.org/legal/epl-v20", "EPL-2.0"),
      Map.entry("eclipse.org/legal/epl-2.0", "EPL-2.0"),
      Map.entry("eclipse.org/org/documents/edl-v10", "BSD-3-Clause"),
      Map.entry("mozilla.org/mpl/2.0", "MPL-2.0"),
      Map.entry("mozilla.org/en-us/mpl/2.0", "MPL-2.0"),
      Map.entry("mozilla.org/mpl/1.1", "MPL-1.1"),
      Map.entry("creativecommons.org/publicdomain/zero/1.0", "CC0-1.0"),
      Map.entry("creativecommons.org/licenses/by/4.0", "CC-BY-4.0"),
      Map.entry("creativecommons.org/licenses/by-sa/4.0", "CC-BY-SA-4.0"),
      Map.entry("boost.org/license_1_0", "BSL-1.0"),
      Map.entry("unlicense.org", "Unlicense"),
      Map.entry("json.org/license", "JSON"));

  private LicenseUrls() {}

  /** The SPDX id a licence URL stands for, or null. */
  static String id(String declared) {
    String u = declared.strip().toLowerCase(Locale.ROOT);
    if (u.startsWith("https://")) {
      u = u.substring(8);
    } else if (u.startsWith("http://")) {
      u = u.substring(7);
    } else {
      return null;
    }
    if (u.startsWith("www.")) {
      u = u.substring(4);
    }
    while (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    for (String ext : new String[] {".txt", ".html", ".htm", ".php", ".md"}) {
      if (u.endsWith(ext)) {
        u = u.substring(0, u.length() - ext.length());
        break;
      }
    }
    String page = PAGES.get(u);
    if (page != null) {
      return page;
    }
    for (String list : new String[] {"opensource.org/licenses/", "spdx.org/licenses/"}) {
      if (u.startsWith(list) && u.indexOf('/', list.length()) < 0) {
        return SpdxLicenses.id(u.substring(list.length()));
      }
    }
    return null;
  }
}
