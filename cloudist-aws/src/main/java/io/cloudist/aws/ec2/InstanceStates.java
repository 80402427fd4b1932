package io.cloudist.aws.ec2;

import io.cloudist.aws.client.AwsErrors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Reservation;

/**
 * The states of the instances one provisioner launched, read for all of them in one DescribeInstances call and
 * cached for a few seconds, so that many worker handles asking {@code isAlive} cost one call. Terminates each
 * instance once. Thread-safe.
 */
final class InstanceStates {
    private static final Set<String> ALIVE = Set.of("pending", "running");
    private static final int BATCH = 200;

    private final Ec2Client ec2;
    private final Clock clock;
    private final Duration maxAge;
    /** Instance id → last known state name, in launch order. */
    private final Map<String, String> states = new LinkedHashMap<>();

    private Instant readAt = Instant.MIN;

    InstanceStates(Ec2Client ec2, Clock clock, Duration maxAge) {
        this.ec2 = ec2;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    synchronized void track(Collection<String> instanceIds) {
        instanceIds.forEach(id -> states.putIfAbsent(id, "pending"));
    }

    /** False once the instance is shutting down or gone; an instance EC2 does not list yet counts as alive. */
    synchronized boolean isAlive(String instanceId) {
        if (ALIVE.contains(states.get(instanceId)) && clock.instant().isAfter(readAt.plus(maxAge))) {
            refresh();
        }
        return ALIVE.contains(states.get(instanceId));
    }

    /** True when the instance is tracked and known to be shutting down or gone (no refresh: what is known now). */
    synchronized boolean knownGone(String instanceId) {
        String state = states.get(instanceId);
        return state != null && !ALIVE.contains(state);
    }

    /** Terminates the instance unless this provisioner already did. */
    synchronized void terminate(String instanceId) {
        if (ALIVE.contains(states.get(instanceId))) {
            terminate(List.of(instanceId));
        }
    }

    /** Terminates every tracked instance not known to be gone; returns their ids. */
    synchronized List<String> terminateAll() {
        return terminateAll(live());
    }

    /** Terminates those of {@code instanceIds} that are not known to be gone; returns their ids. */
    synchronized List<String> terminateAll(Collection<String> instanceIds) {
        List<String> live = live().stream().filter(instanceIds::contains).toList();
        for (int i = 0; i < live.size(); i += BATCH) {
            terminate(live.subList(i, Math.min(live.size(), i + BATCH)));
        }
        return live;
    }

    /** Tracked instances not known to be gone, in launch order. */
    synchronized List<String> live() {
        List<String> live = new ArrayList<>();
        states.forEach((id, state) -> {
            if (ALIVE.contains(state)) {
                live.add(id);
            }
        });
        return live;
    }

    private void terminate(List<String> ids) {
        try {
            ec2.terminateInstances(r -> r.instanceIds(ids));
        } catch (SdkException e) {
            if (!AwsErrors.code(e).equals("InvalidInstanceID.NotFound")) {
                throw AwsErrors.translate("ec2:TerminateInstances", e);
            }
        }
        ids.forEach(id -> states.put(id, "shutting-down"));
    }

    private void refresh() {
        List<String> live = live();
        for (int i = 0; i < live.size(); i += BATCH) {
            List<String> batch = live.subList(i, Math.min(live.size(), i + BATCH));
            AwsErrors.call("ec2:DescribeInstances", () -> {
                ec2
                        .describeInstancesPaginator(r -> r.filters(Filter.builder()
                                .name("instance-id")
                                .values(batch)
                                .build()))
                        .reservations()
                        .stream()
                        .map(Reservation::instances)
                        .flatMap(List::stream)
                        .forEach(this::record);
                return null;
            });
        }
        readAt = clock.instant();
    }

    private void record(Instance instance) {
        if (instance.state() != null && states.containsKey(instance.instanceId())) {
            states.put(instance.instanceId(), instance.state().nameAsString());
        }
    }
}
