# Sourced by ./bulwark, ./mvnw and .ci/run: points JAVA_HOME at a JDK >= 21.
# Order: $JAVA_HOME, java on PATH, then the usual install folders (newest first).
# Leaves JAVA_HOME untouched when it already holds a JDK >= 21; returns 1 when none is found.

bulwark_java_major() {
  # prints the feature version of the java binary in $1 (e.g. 17, 21, 25), or nothing.
  # Reads the JDK's `release` file when there is one: starting a JVM just to ask costs ~0.1 s.
  _bw_release="$(dirname "$(dirname "$1")")/release"
  if [ -r "$_bw_release" ]; then
    _bw_v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$_bw_release" | head -n 1)
    if [ -n "$_bw_v" ]; then echo "$_bw_v"; return; fi
  fi
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

bulwark_is_jdk21() {
  # $1 = a JDK home; true when it has javac and java >= 21
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  _bw_major=$(bulwark_java_major "$1/bin/java")
  [ -n "$_bw_major" ] && [ "$_bw_major" -ge 21 ]
}

bulwark_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && bulwark_is_jdk21 "$JAVA_HOME"; then
    return 0
  fi
  if command -v javac >/dev/null 2>&1; then
    _bw_home=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    if bulwark_is_jdk21 "$_bw_home"; then JAVA_HOME=$_bw_home; export JAVA_HOME; return 0; fi
  fi
  for _bw_home in $(ls -d /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /Library/Java/JavaVirtualMachines/*/Contents/Home \
      "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* 2>/dev/null | sort -rV); do
    if bulwark_is_jdk21 "$_bw_home"; then JAVA_HOME=$_bw_home; export JAVA_HOME; return 0; fi
  done
  return 1
}

bulwark_require_jdk() {
  if ! bulwark_find_jdk; then
    echo "bulwark: no JDK 21 or newer found (looked at JAVA_HOME, PATH and /usr/lib/jvm, /opt/java, ~/.sdkman, ~/.jdks)." >&2
    echo "bulwark: install one, e.g. 'apt-get install openjdk-21-jdk' or Temurin 21 from https://adoptium.net, then retry or set JAVA_HOME." >&2
    return 1
  fi
}
