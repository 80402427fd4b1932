# Java: the image's java when it is @FEATURE@ or newer, else Amazon Corretto @FEATURE@ (a full JDK).
java_feature() {
  command -v java >/dev/null 2>&1 || { echo 0; return; }
  local version
  version=$(java -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1)
  case "$version" in 1.*) version=${version#1.} ;; esac
  version=${version%%[!0-9]*}
  echo "${version:-0}"
}
JAVA=java
if [ "$(java_feature)" -lt @FEATURE@ ]; then
  dnf install -y java-@FEATURE@-amazon-corretto-devel || power_off "cannot install Java @FEATURE@"
  JAVA=/usr/lib/jvm/java-@FEATURE@-amazon-corretto/bin/java
fi
