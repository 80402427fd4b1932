#!/bin/bash
# cloudist worker boot. This script holds no credentials: S3 access comes from the instance profile.
# It starts one worker agent per slot and powers the instance off (which terminates it) once no agent is left.
BASE=${CLOUDIST_HOME:-/opt/cloudist}
mkdir -p "$BASE/log"
exec >>"$BASE/log/boot.log" 2>&1
BOOT_MS=$(date +%s%3N)
# What boot did and when (this clock, epoch ms), passed to the agents for the run's timeline: boot=MS,NAME=FROM-TO,...
BOOT_STEPS="boot=$BOOT_MS"
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

# Watchdog, whatever becomes of this script: the instance powers off once it has lived @MAX_LIFETIME_SECONDS@ s, when
# an agent is past the deadline it keeps in its directory (a multiple of its task's expected time: it hangs), and,
# once boot has had its time, as soon as no agent runs.
BORN=$(date +%s)
END=$(( BORN + @MAX_LIFETIME_SECONDS@ ))
(
  while true; do
    sleep 5
    now=$(date +%s)
    [ "$now" -ge "$END" ] && break
    for file in "$BASE"/w*/deadline; do
      deadline=$(cat "$file" 2>/dev/null) || continue
      case "$deadline" in ''|*[!0-9]*) continue ;; esac
      if [ "$now" -gt "$deadline" ]; then
        echo "cloudist: the worker agent of ${file%/deadline} is past its deadline ($deadline) with no progress; powering off"
        shutdown -h now
        exit 0
      fi
    done
    if [ $(( now - BORN )) -ge @BOOT_SECONDS@ ] && ! pgrep -f "$MAIN" >/dev/null; then
      echo "cloudist: no worker agent is running; powering off"
      shutdown -h now
      exit 0
    fi
  done
  echo "cloudist: the instance has lived its maximum of @MAX_LIFETIME_SECONDS@ s (cloudist.maxInstanceHours); powering off"
  shutdown -h now
) &

# The worker image if pulled (IMAGE_READY=yes), else Java and the jars.
IMAGE_READY=no
@IMAGE_SETUP@
if [ "$IMAGE_READY" != yes ]; then
JAVA_MS=$(date +%s%3N)
@JAVA_SETUP@
JAVA_DONE=$(date +%s%3N)
BOOT_STEPS="$BOOT_STEPS,java=$JAVA_MS-$JAVA_DONE"
echo "cloudist: boot step java: $(( JAVA_DONE - JAVA_MS )) ms"
fi

# IMDSv2 only. AWS_EC2_METADATA_SERVICE_ENDPOINT is the SDK's and CLI's standard override of the address.
IMDS=${AWS_EC2_METADATA_SERVICE_ENDPOINT:-http://169.254.169.254}
imds() {
  local token
  token=$(curl -sf -X PUT -H 'X-aws-ec2-metadata-token-ttl-seconds: 300' "$IMDS/latest/api/token") || return 1
  curl -sf -H "X-aws-ec2-metadata-token: $token" "$IMDS/latest/meta-data/$1"
}
INSTANCE_ID=$(imds instance-id) || power_off "cannot read the instance id from the metadata service"
# Which share of the launch this instance runs. Without it, one agent: never more agents than the launch asked for.
LAUNCH_INDEX=""
for attempt in 1 2 3 4 5; do
  LAUNCH_INDEX=$(imds ami-launch-index) && break
  LAUNCH_INDEX=""
  sleep 1
done

if [ "$IMAGE_READY" != yes ]; then
JARS_MS=$(date +%s%3N)
L="$BASE/lib"
BLOBS=@BLOBS@
mkdir -p "$L" "$BASE/cache"
# The worker jars' SHA-256s, in classpath order.
HASHES="@HASHES@"
INCLUDES=()
for hash in $HASHES; do INCLUDES+=(--include "$hash"); done
# One CLI process fetches every jar, in parallel by itself: a process per jar costs a second of CPU each.
aws s3 cp --only-show-errors --recursive @ENDPOINT_OPTION@"$BLOBS" "$L" --exclude '*' "${INCLUDES[@]}" \
  || power_off "cannot fetch the worker jars from the store"
# Each jar is named by its SHA-256, its key in the store: a jar whose bytes do not hash to its name is not run. The
# classpath lists the jars in this order.
CP=""
for hash in $HASHES; do
  [ -s "$L/$hash" ] || power_off "cannot fetch the worker jar $BLOBS$hash from the store"
  actual=$(sha256sum "$L/$hash" | cut -d ' ' -f 1)
  [ "$actual" = "$hash" ] || power_off "the worker jar $BLOBS$hash does not match its SHA-256 (its bytes hash to $actual): refusing to start the worker agents"
  CP="$CP${CP:+:}$L/$hash"
done
JARS_DONE=$(date +%s%3N)
BOOT_STEPS="$BOOT_STEPS,jars=$JARS_MS-$JARS_DONE"
echo "cloudist: boot step worker jars: $(( JARS_DONE - JARS_MS )) ms"
fi

# This instance runs its share of the launch's @WORKERS@ workers, @SLOTS@ at most.
case "$LAUNCH_INDEX" in
  ''|*[!0-9]*)
    echo "cloudist: cannot read the launch index from the metadata service; starting one worker agent"
    AGENTS=1 ;;
  *)
    AGENTS=$(( @WORKERS@ - LAUNCH_INDEX * @SLOTS@ ))
    [ "$AGENTS" -gt @SLOTS@ ] && AGENTS=@SLOTS@
    [ "$AGENTS" -lt 1 ] && AGENTS=1 ;;
esac
# A warm agent takes no new run in the instance's last hour (or last quarter, for a short life).
RETIRE_AT=$(( END - ( @MAX_LIFETIME_SECONDS@ >= 4 * 3600 ? 3600 : @MAX_LIFETIME_SECONDS@ / 4 ) ))
start_agent() {
  local slot=$1
  shift
  if [ "$IMAGE_READY" = yes ]; then
    run_in_image "$slot" "$@"
  else
    "$JAVA" -Xmx256m -XX:+UseSerialGC -cp "$CP" "$MAIN" "$@" --cache "$BASE/cache"
  fi
}
AGENTS_MS=$(date +%s%3N)
BOOT_STEPS="$BOOT_STEPS,agents=$AGENTS_MS"
echo "cloudist: boot step agents: start $(( AGENTS_MS - BOOT_MS )) ms after boot ($BOOT_STEPS)"
PIDS=""
for ((slot = 0; slot < AGENTS; slot++)); do
  mkdir -p "$BASE/w$slot"
  start_agent "$slot" --store @STORE@ --pool --worker "$INSTANCE_ID-$slot" \
    --dir "$BASE/w$slot" --idle-minutes @IDLE_MINUTES@ --host "$INSTANCE_ID" --imds "$IMDS" \
    --store-outage-seconds @STORE_OUTAGE_SECONDS@ --deadline-file "$BASE/w$slot/deadline" --retire-at "$RETIRE_AT" \
    --boot-steps "$BOOT_STEPS" --bundle @BUNDLE@ \
    >>"$BASE/log/worker-$slot.log" 2>&1 &
  PIDS="$PIDS $!"
done
wait $PIDS
echo "cloudist: every worker agent has exited; powering off"
shutdown -h now
