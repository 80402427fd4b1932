#!/bin/bash
# cloudist worker boot. This script holds no credentials: S3 access comes from the instance profile.
# It starts one worker agent per slot and powers the instance off (which terminates it) once no agent is left.
BASE=${CLOUDIST_HOME:-/opt/cloudist}
mkdir -p "$BASE/log"
exec >>"$BASE/log/boot.log" 2>&1
set -u
export AWS_REGION=@REGION@ AWS_DEFAULT_REGION=@REGION@
@ENDPOINT_EXPORT@
# The account that owns the store's bucket, which the agents name on every S3 request: an id, no credential.
@ACCOUNT_EXPORT@
MAIN=io.cloudist.worker.WorkerMain

power_off() {
  echo "cloudist: $1; powering off"
  shutdown -h now
  exit 1
}

# Backstop: once boot has had its time, power off as soon as no agent runs, whatever becomes of this script.
(
  sleep @BOOT_SECONDS@
  while pgrep -f "$MAIN" >/dev/null; do sleep 30; done
  echo "cloudist: no worker agent is running; powering off"
  shutdown -h now
) &

@JAVA_SETUP@

# IMDSv2 only. AWS_EC2_METADATA_SERVICE_ENDPOINT is the SDK's and CLI's standard override of the address.
IMDS=${AWS_EC2_METADATA_SERVICE_ENDPOINT:-http://169.254.169.254}
imds() {
  local token
  token=$(curl -sf -X PUT -H 'X-aws-ec2-metadata-token-ttl-seconds: 300' "$IMDS/latest/api/token") || return 1
  curl -sf -H "X-aws-ec2-metadata-token: $token" "$IMDS/latest/meta-data/$1"
}
INSTANCE_ID=$(imds instance-id) || power_off "cannot read the instance id from the metadata service"
LAUNCH_INDEX=$(imds ami-launch-index) || LAUNCH_INDEX=0

L="$BASE/lib"
BLOBS=@BLOBS@
mkdir -p "$L" "$BASE/cache"
# One CLI process fetches every jar, in parallel by itself: a process per jar costs a second of CPU each.
aws s3 cp --only-show-errors --recursive @ENDPOINT_OPTION@"$BLOBS" "$L" --exclude '*' @INCLUDES@ \
  || power_off "cannot fetch the worker jars from the store"
# Each jar is named by its SHA-256, its key in the store: a jar whose bytes do not hash to its name is not run. The
# classpath lists the jars in this order.
CP=""
for hash in @HASHES@; do
  [ -s "$L/$hash" ] || power_off "cannot fetch the worker jar $BLOBS$hash from the store"
  actual=$(sha256sum "$L/$hash" | cut -d ' ' -f 1)
  [ "$actual" = "$hash" ] || power_off "the worker jar $BLOBS$hash does not match its SHA-256 (its bytes hash to $actual): refusing to start the worker agents"
  CP="$CP${CP:+:}$L/$hash"
done

# This instance runs its share of the launch's @WORKERS@ workers, @SLOTS@ at most.
AGENTS=$(( @WORKERS@ - LAUNCH_INDEX * @SLOTS@ ))
[ "$AGENTS" -gt @SLOTS@ ] && AGENTS=@SLOTS@
[ "$AGENTS" -lt 1 ] && AGENTS=1
PIDS=""
for ((slot = 0; slot < AGENTS; slot++)); do
  mkdir -p "$BASE/w$slot"
  "$JAVA" -Xmx256m -XX:+UseSerialGC -cp "$CP" "$MAIN" --store @STORE@ --pool --worker "$INSTANCE_ID-$slot" \
    --dir "$BASE/w$slot" --cache "$BASE/cache" --idle-minutes @IDLE_MINUTES@ --host "$INSTANCE_ID" --imds "$IMDS" \
    --store-outage-seconds @STORE_OUTAGE_SECONDS@ >>"$BASE/log/worker-$slot.log" 2>&1 &
  PIDS="$PIDS $!"
done
wait $PIDS
echo "cloudist: every worker agent has exited; powering off"
shutdown -h now
