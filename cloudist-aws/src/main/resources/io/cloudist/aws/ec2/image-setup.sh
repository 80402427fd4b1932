# The worker image, pulled by digest with the instance profile's credentials. Any failure falls back to installing
# Java and fetching the worker jars, and says so.
IMAGE=@IMAGE@
REGISTRY=${IMAGE%%/*}
RUNTIME=${CLOUDIST_CONTAINER_RUNTIME:-docker}
step_started=$(date +%s%3N)
if ! command -v "$RUNTIME" >/dev/null 2>&1; then
  echo "cloudist: no container runtime ($RUNTIME) on this image; installing one"
  { dnf install -y -q docker && systemctl start docker; } || echo "cloudist: cannot install a container runtime"
fi
if command -v "$RUNTIME" >/dev/null 2>&1 \
  && aws ecr get-login-password @ECR_ENDPOINT_OPTION@--region @REGION@ \
    | "$RUNTIME" login --username AWS --password-stdin "$REGISTRY" >/dev/null \
  && "$RUNTIME" pull --quiet "$IMAGE" >/dev/null; then
  IMAGE_READY=yes
  echo "cloudist: boot step pull: $(( $(date +%s%3N) - step_started )) ms to pull $IMAGE"
else
  echo "cloudist: warning: cannot pull the worker image $IMAGE; installing Java and fetching the worker jars instead"
fi
BOOT_STEPS="$BOOT_STEPS,pull=$step_started-$(date +%s%3N)"
# An agent in a container of the image: the host's network (the metadata service, the store), its directory shared
# with the instance (the watchdog reads its deadline there), the region, endpoint and account from above.
run_in_image() {
  local slot=$1
  shift
  "$RUNTIME" run --rm --network host --name "cloudist-w$slot" -v "$BASE/w$slot:$BASE/w$slot" \
    -e AWS_REGION -e AWS_DEFAULT_REGION -e AWS_ENDPOINT_URL_S3 -e AWS_ACCOUNT_ID -e AWS_EC2_METADATA_SERVICE_ENDPOINT \
    "$IMAGE" "$@" --cache @IMAGE_CACHE@
}
