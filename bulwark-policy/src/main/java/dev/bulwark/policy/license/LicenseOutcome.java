package dev.bulwark.policy.license;

/** What a licence policy says about one component's licences. */
public enum LicenseOutcome {
  /** Some OR-branch is fully allowed. */
  ALLOWED,
  /** Every OR-branch contains a denied licence. */
  DENIED,
  /** No branch is allowed and none is fully denied: a licence outside the allow list. */
  NOT_ALLOWED,
  /** No licence given, or one that is neither an SPDX expression nor a known name. */
  UNKNOWN
}
