# shellcheck shell=bash
# Shared by scripts/run, scripts/test and scripts/bench (bash). Source it; it defines functions only.

# Repository root: the folder above scripts/.
repository_root() {
  cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd -P
}

# Prints "scripts/<name>: <message>" on stderr.
say() {
  printf '%s: %s\n' "${script_name:-policy-gateway}" "$*" >&2
}

die() {
  say "$*"
  exit 1
}

# Feature version of the Java installation at $1 (21 for 21.0.5), from its release file or `java -version`.
java_feature_version() {
  local home=$1 version=
  if [[ -f $home/release ]]; then
    version=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$home/release")
  fi
  if [[ -z $version && -x $home/bin/java ]]; then
    version=$("$home/bin/java" -version 2>&1 | sed -n '1s/^[^"]*"\([0-9][0-9]*\).*/\1/p')
  fi
  printf '%s\n' "$version"
}

# Is $1 a JDK (java and javac) of feature version 21 or newer?
is_suitable_jdk() {
  local home=$1 version
  [[ -n $home && -x $home/bin/java && -x $home/bin/javac ]] || return 1
  version=$(java_feature_version "$home")
  [[ $version =~ ^[0-9]+$ ]] && ((version >= 21))
}

# Sets and exports JAVA_HOME to a JDK 21+: JAVA_HOME when it is one, else the newest JDK in
# /usr/lib/jvm (where distributions install JDKs beside the default one), else the JDK of `java`
# on the PATH. Exits with what to install when there is none.
find_jdk() {
  local candidate best='' best_version=0 version java_on_path
  if [[ -n ${JAVA_HOME:-} ]]; then
    if is_suitable_jdk "$JAVA_HOME"; then
      export JAVA_HOME
      return 0
    fi
    say "JAVA_HOME=$JAVA_HOME is not a JDK 21 or newer (version: $(java_feature_version "$JAVA_HOME" || true)); looking for another one."
  fi
  for candidate in /usr/lib/jvm/*; do
    [[ -d $candidate && ! -L $candidate ]] || continue
    if is_suitable_jdk "$candidate"; then
      version=$(java_feature_version "$candidate")
      if ((version > best_version)); then
        best=$candidate
        best_version=$version
      fi
    fi
  done
  if [[ -z $best ]] && java_on_path=$(command -v java 2>/dev/null); then
    candidate=$(dirname -- "$(dirname -- "$(readlink -f -- "$java_on_path")")")
    if is_suitable_jdk "$candidate"; then
      best=$candidate
    fi
  fi
  if [[ -z $best ]]; then
    say "no JDK 21 or newer found (looked at JAVA_HOME, /usr/lib/jvm/* and java on the PATH)."
    say "Install one, for example 'sudo apt-get install openjdk-21-jdk-headless' (Debian 13, Ubuntu 24.04)"
    say "or Temurin 21/25 from https://adoptium.net, then set JAVA_HOME to it and run this again."
    exit 1
  fi
  export JAVA_HOME=$best
}

# Checks for Maven and prepares MAVEN_OPTS for the JDK in JAVA_HOME.
prepare_maven() {
  command -v mvn >/dev/null 2>&1 ||
    die "Maven not found. Install Maven 3.8.7 or newer ('sudo apt-get install maven', or https://maven.apache.org/download.cgi)."
  # JDK 24+ warns when Maven's libraries use sun.misc.Unsafe; allow it instead.
  if (($(java_feature_version "$JAVA_HOME") >= 24)) && [[ ${MAVEN_OPTS:-} != *--sun-misc-unsafe-memory-access* ]]; then
    export MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }--sun-misc-unsafe-memory-access=allow"
  fi
  export PATH="$JAVA_HOME/bin:$PATH"
}

# The distribution zip built by `mvn package`.
distribution_zip() {
  local root=$1 zips=()
  shopt -s nullglob
  zips=("$root"/distribution/target/policy-gateway-*.zip)
  shopt -u nullglob
  ((${#zips[@]} == 1)) || return 1
  printf '%s\n' "${zips[0]}"
}

# Unpacks zip $1 into folder $2, keeping the executable bits (unzip, else the JDK's jar tool).
unpack_zip() {
  local zip=$1 folder=$2
  mkdir -p -- "$folder"
  if command -v unzip >/dev/null 2>&1; then
    unzip -q -o "$zip" -d "$folder"
  else
    (cd -- "$folder" && "$JAVA_HOME/bin/jar" xf "$zip")
    chmod +x -- "$folder"/*/bin/* "$folder"/*/runtime/bin/* "$folder"/*/runtime/lib/jspawnhelper 2>/dev/null || true
  fi
}

# A TCP port on 127.0.0.1 nothing listens on (random, checked; bounded number of tries).
free_port() {
  local port tries=50
  while ((tries-- > 0)); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      printf '%s\n' "$port"
      return 0
    fi
  done
  die "no free port found on 127.0.0.1 after 50 tries"
}

# Can this script install Debian packages (root, or sudo without a password)?
can_install_packages() {
  command -v apt-get >/dev/null 2>&1 || return 1
  ((EUID == 0)) && return 0
  command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null
}

# Installs Debian packages non-interactively (apt-get update once if the lists are empty).
install_packages() {
  local run=()
  ((EUID == 0)) || run=(sudo -n)
  say "installing Debian packages: $*"
  if ! "${run[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >/dev/null 2>&1; then
    "${run[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null 2>&1 || true
    "${run[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >/dev/null
  fi
}
