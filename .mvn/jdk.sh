# Sourced by ./mvnw and ./run: makes JAVA_HOME point at a JDK 21 or newer.
# The machine's default java may be older (17 on Debian 12), while a newer JDK sits beside it.

cartwright_jdk_major() {
  # The release file of every JDK says JAVA_VERSION="21.0.5" (or "1.8.0_402" for old ones).
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && [ -f "$1/release" ] || return 1
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
}

cartwright_find_jdk() {
  if [ -n "${JAVA_HOME-}" ] && [ "$(cartwright_jdk_major "$JAVA_HOME" || echo 0)" -ge 21 ] 2>/dev/null; then
    return 0
  fi
  best_home=""
  best_major=0
  # ./mvnw runs with globbing off (set -f); the search below needs it.
  case $- in *f*) set +f; cartwright_noglob=1 ;; *) cartwright_noglob=0 ;; esac
  path_java=$(command -v java 2>/dev/null || true)
  path_home=""
  [ -n "$path_java" ] && path_home=$(dirname "$(dirname "$(readlink -f "$path_java")")")
  for home in $path_home /usr/lib/jvm/* /usr/local/*jdk* /opt/*jdk* /opt/java/* \
      "$HOME"/.sdkman/candidates/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    major=$(cartwright_jdk_major "$home" 2>/dev/null) || continue
    if [ -n "$major" ] && [ "$major" -gt "$best_major" ]; then
      best_major=$major
      best_home=$home
    fi
  done
  [ "$cartwright_noglob" = 1 ] && set -f
  if [ "$best_major" -lt 21 ]; then
    echo "Cartwright needs a JDK 21 or newer, and none was found (JAVA_HOME, java on the PATH, /usr/lib/jvm)." >&2
    echo "Install one, for example Eclipse Temurin 21 or 25 (https://adoptium.net, or 'sdk install java 25-tem'" >&2
    echo "with SDKMAN), then run this again or set JAVA_HOME to its folder." >&2
    exit 1
  fi
  JAVA_HOME=$best_home
  export JAVA_HOME
}

cartwright_find_jdk
