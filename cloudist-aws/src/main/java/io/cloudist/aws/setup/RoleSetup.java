package io.cloudist.aws.setup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudist.aws.client.AwsErrors;
import io.cloudist.aws.client.AwsNames;
import io.cloudist.aws.client.S3Location;
import io.cloudist.core.CloudistException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.InstanceProfile;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * Makes the workers' IAM identity: role {@link AwsNames#ROLE} that EC2 may assume, one inline policy per store
 * ({@link WorkerPolicy#name}: that store's keys, nothing else), and instance profile {@link AwsNames#INSTANCE_PROFILE}
 * holding the role. Setting up one store never touches another store's policy, nor any policy cloudist did not
 * write.
 */
final class RoleSetup {
    /** What an ensure step did. */
    enum Result {
        CREATED,
        FOUND,
        UPDATED
    }

    /** The object grant of the single policy of earlier versions: {@code arn:aws:s3:::<bucket>/<keyPrefix>*}. */
    private static final Pattern LEGACY_OBJECTS = Pattern.compile("arn:aws:s3:::([a-z0-9][a-z0-9.-]+)/(.*)\\*");

    private static final ObjectMapper JSON = new ObjectMapper();
    private final IamClient iam;

    RoleSetup(IamClient iam) {
        this.iam = iam;
    }

    Result ensureRole() {
        if (lookup("iam:GetRole", () -> iam.getRole(r -> r.roleName(AwsNames.ROLE)))
                .isPresent()) {
            return Result.FOUND;
        }
        AwsErrors.call(
                "iam:CreateRole",
                () -> iam.createRole(r -> r.roleName(AwsNames.ROLE)
                        .assumeRolePolicyDocument(WorkerPolicy.trust())
                        .description("cloudist worker instances: access to the cloudist stores only")
                        .tags(Tag.builder().key(AwsNames.TAG).value("true").build())));
        return Result.CREATED;
    }

    /** Writes {@code store}'s own policy on the role unless it is there as it should be. */
    Result ensurePolicy(S3Location store) {
        return ensurePolicy(WorkerPolicy.name(store), WorkerPolicy.forStore(store), store.toString());
    }

    /** Writes the policy that lets workers pull their images in {@code region} unless it is there as it should be. */
    Result ensureImagePolicy(String region, String account) {
        return ensurePolicy(
                WorkerPolicy.imagesName(region),
                WorkerPolicy.forImages(region, account),
                "the worker images of " + region);
    }

    private Result ensurePolicy(String name, String wanted, String what) {
        Optional<String> current = policy(name);
        if (current.isPresent() && sameJson(current.get(), wanted)) {
            return Result.FOUND;
        }
        try {
            iam.putRolePolicy(r -> r.roleName(AwsNames.ROLE).policyName(name).policyDocument(wanted));
        } catch (SdkException e) {
            if ("LimitExceeded".equals(AwsErrors.code(e))) {
                throw new CloudistException(
                        "The IAM role " + AwsNames.ROLE + " has no room for the policy of " + what
                                + ": IAM allows 10,240 characters of inline policies per role,"
                                + " and each store's takes about 1,100. Remove the policy of a store you no longer use: aws iam"
                                + " delete-role-policy --role-name " + AwsNames.ROLE + " --policy-name <name> (aws iam"
                                + " list-role-policies --role-name " + AwsNames.ROLE + " lists them)",
                        e);
            }
            throw AwsErrors.translate("iam:PutRolePolicy", e);
        }
        return current.isPresent() ? Result.UPDATED : Result.CREATED;
    }

    /**
     * Earlier versions kept one inline policy, {@link AwsNames#LEGACY_POLICY}, for the last store set up, with read,
     * write and delete on all its keys. Its store gets a policy of its own (the narrower grant of this version), then
     * the old policy goes. Returns the store it served, or empty when there is no such policy, or when it is not
     * one that cloudist wrote, which is then left alone.
     */
    Optional<S3Location> replaceLegacyPolicy() {
        Optional<S3Location> store = policy(AwsNames.LEGACY_POLICY).flatMap(RoleSetup::legacyStore);
        if (store.isPresent()) {
            ensurePolicy(store.get());
            AwsErrors.call(
                    "iam:DeleteRolePolicy",
                    () -> iam.deleteRolePolicy(r -> r.roleName(AwsNames.ROLE).policyName(AwsNames.LEGACY_POLICY)));
        }
        return store;
    }

    Result ensureInstanceProfile() {
        Optional<InstanceProfile> profile = lookup(
                        "iam:GetInstanceProfile",
                        () -> iam.getInstanceProfile(r -> r.instanceProfileName(AwsNames.INSTANCE_PROFILE)))
                .map(response -> response.instanceProfile());
        if (profile.isEmpty()) {
            AwsErrors.call(
                    "iam:CreateInstanceProfile",
                    () -> iam.createInstanceProfile(r -> r.instanceProfileName(AwsNames.INSTANCE_PROFILE)
                            .tags(Tag.builder().key(AwsNames.TAG).value("true").build())));
        }
        boolean hasRole = profile.isPresent()
                && profile.get().roles().stream()
                        .anyMatch(role -> role.roleName().equals(AwsNames.ROLE));
        if (!hasRole) {
            AwsErrors.call(
                    "iam:AddRoleToInstanceProfile",
                    () -> iam.addRoleToInstanceProfile(r ->
                            r.instanceProfileName(AwsNames.INSTANCE_PROFILE).roleName(AwsNames.ROLE)));
        }
        return profile.isEmpty() ? Result.CREATED : hasRole ? Result.FOUND : Result.UPDATED;
    }

    static boolean sameJson(String a, String b) {
        try {
            return JSON.readTree(a).equals(JSON.readTree(b));
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** The store of a policy cloudist wrote in earlier versions: its first statement, StoreObjects, names it. */
    static Optional<S3Location> legacyStore(String document) {
        try {
            JsonNode objects = JSON.readTree(document).path("Statement").path(0);
            Matcher resource = LEGACY_OBJECTS.matcher(objects.path("Resource").asText());
            if (!"StoreObjects".equals(objects.path("Sid").asText()) || !resource.matches()) {
                return Optional.empty();
            }
            return Optional.of(new S3Location(resource.group(1), resource.group(2)));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private Optional<String> policy(String name) {
        return lookup(
                        "iam:GetRolePolicy",
                        () -> iam.getRolePolicy(r -> r.roleName(AwsNames.ROLE).policyName(name)))
                .map(response -> URLDecoder.decode(response.policyDocument(), StandardCharsets.UTF_8));
    }

    private static <T> Optional<T> lookup(String action, Supplier<T> call) {
        try {
            return Optional.of(call.get());
        } catch (NoSuchEntityException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw AwsErrors.translate(action, e);
        }
    }
}
