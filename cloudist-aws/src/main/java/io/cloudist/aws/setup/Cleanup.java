package io.cloudist.aws.setup;

import io.cloudist.aws.client.AwsErrors;
import io.cloudist.aws.client.AwsNames;
import io.cloudist.aws.client.S3Location;
import io.cloudist.core.CloudistException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Terminates every instance tagged {@link AwsNames#TAG} in a region, and deletes a store's run data. */
final class Cleanup {
    private static final int TERMINATE_BATCH = 500;
    private static final int DELETE_BATCH = 1000;

    private Cleanup() {}

    /** Terminates every cloudist instance not yet terminated; returns their ids. */
    static List<String> terminateInstances(Ec2Client ec2) {
        List<String> ids = new ArrayList<>();
        AwsErrors.call("ec2:DescribeInstances", () -> {
            ec2
                    .describeInstancesPaginator(r -> r.filters(
                            SecurityGroups.filter("tag:" + AwsNames.TAG, "true"),
                            SecurityGroups.filter("instance-state-name", "pending", "running", "stopping", "stopped")))
                    .reservations()
                    .stream()
                    .map(Reservation::instances)
                    .flatMap(List::stream)
                    .map(Instance::instanceId)
                    .forEach(ids::add);
            return ids;
        });
        for (int i = 0; i < ids.size(); i += TERMINATE_BATCH) {
            List<String> batch = ids.subList(i, Math.min(ids.size(), i + TERMINATE_BATCH));
            AwsErrors.call("ec2:TerminateInstances", () -> ec2.terminateInstances(r -> r.instanceIds(batch)));
        }
        return ids;
    }

    /**
     * Deletes every object under the store's {@code runs/}; returns how many, or -1 when the bucket is missing.
     *
     * @param account the account that must own the bucket
     */
    static int deleteRunData(S3Client s3, S3Location store, String account) {
        String prefix = store.runsPrefix();
        List<String> keys = new ArrayList<>();
        try {
            AwsErrors.call("s3:ListBucket", () -> {
                s3
                        .listObjectsV2Paginator(
                                r -> r.bucket(store.bucket()).prefix(prefix).expectedBucketOwner(account))
                        .contents()
                        .stream()
                        .map(S3Object::key)
                        .forEach(keys::add);
                return keys;
            });
        } catch (CloudistException e) {
            if (e.getCause() instanceof NoSuchBucketException) {
                return -1;
            }
            throw e;
        }
        for (int i = 0; i < keys.size(); i += DELETE_BATCH) {
            List<ObjectIdentifier> batch = keys.subList(i, Math.min(keys.size(), i + DELETE_BATCH)).stream()
                    .map(key -> ObjectIdentifier.builder().key(key).build())
                    .toList();
            AwsErrors.call(
                    "s3:DeleteObject",
                    () -> s3.deleteObjects(r -> r.bucket(store.bucket())
                            .expectedBucketOwner(account)
                            .delete(d -> d.objects(batch).quiet(true))));
        }
        return keys.size();
    }
}
