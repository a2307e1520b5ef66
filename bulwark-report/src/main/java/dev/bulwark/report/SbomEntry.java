package dev.bulwark.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One component as an SBOM file states it, before it becomes a {@link dev.bulwark.model.Component}. */
final class SbomEntry {
  String bomRef;
  /** The component's ref when the SBOM states it (Bulwark's own SPDX comments); wins over the purl. */
  String explicitRef;
  String type;
  String group;
  String name;
  String version;
  String purl;
  /** CycloneDX scope (required/optional/excluded) or an SPDX relationship's kind. */
  String scope;
  final List<String> licenses = new ArrayList<>();
  final Map<String, String> hashes = new LinkedHashMap<>();
  /** Repeated names (bulwark:location) keep every value, so properties are a list of pairs. */
  final List<String[]> properties = new ArrayList<>();
  boolean subject;
}
