# Sourced by the benchmark scripts (needs $root, the repository root): sets version, cloudist's version from the root
# POM, and extra_args, the words of BENCH_MAVEN_ARGS; exits unless that version of cloudist is in the local repository
# those arguments name (-Dmaven.repo.local) or ~/.m2/repository.

# The project's own version: the first <version> of the root POM, which has no parent.
version="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | head -n 1)"
read -r -a extra_args <<< "${BENCH_MAVEN_ARGS:-}"
repo="$HOME/.m2/repository"
for arg in "${extra_args[@]}"; do
  [[ "$arg" == -Dmaven.repo.local=* ]] && repo="${arg#-Dmaven.repo.local=}"
done
if [[ ! -d "$repo/io/cloudist/cloudist-maven-plugin/$version" ]]; then
  echo "cloudist $version is not in the local repository $repo: run mvn -B install -DskipTests at the repository" \
    "root first (with the same BENCH_MAVEN_ARGS)" >&2
  exit 1
fi
