package io.cloudist.aws.setup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.InstanceProfile;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * Makes the workers' IAM identity: role {@link AwsNames#ROLE} that EC2 may assume, its inline policy
 * {@link AwsNames#POLICY} (the store's prefix, nothing else), and instance profile {@link AwsNames#INSTANCE_PROFILE}
 * holding the role.
 */
final class RoleSetup {
    /** What an ensure step did. */
    enum Result {
        CREATED,
        FOUND,
        UPDATED
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final IamClient iam;

    RoleSetup(IamClient iam) {
        this.iam = iam;
    }

    Result ensureRole() {
        if (lookup("iam:GetRole", () -> iam.getRole(r -> r.roleName(AwsNames.ROLE))).isPresent()) {
            return Result.FOUND;
        }
        AwsErrors.call("iam:CreateRole", () -> iam.createRole(r -> r.roleName(AwsNames.ROLE)
                .assumeRolePolicyDocument(WorkerPolicy.trust())
                .description("cloudist worker instances: access to the cloudist store only")
                .tags(Tag.builder().key(AwsNames.TAG).value("true").build())));
        return Result.CREATED;
    }

    Result ensurePolicy(S3Location store) {
        String wanted = WorkerPolicy.forStore(store);
        Optional<String> current = lookup(
                        "iam:GetRolePolicy",
                        () -> iam.getRolePolicy(r -> r.roleName(AwsNames.ROLE).policyName(AwsNames.POLICY)))
                .map(response -> URLDecoder.decode(response.policyDocument(), StandardCharsets.UTF_8));
        if (current.isPresent() && sameJson(current.get(), wanted)) {
            return Result.FOUND;
        }
        AwsErrors.call("iam:PutRolePolicy", () -> iam.putRolePolicy(r -> r.roleName(AwsNames.ROLE)
                .policyName(AwsNames.POLICY)
                .policyDocument(wanted)));
        return current.isPresent() ? Result.UPDATED : Result.CREATED;
    }

    Result ensureInstanceProfile() {
        Optional<InstanceProfile> profile = lookup(
                        "iam:GetInstanceProfile",
                        () -> iam.getInstanceProfile(r -> r.instanceProfileName(AwsNames.INSTANCE_PROFILE)))
                .map(response -> response.instanceProfile());
        if (profile.isEmpty()) {
            AwsErrors.call("iam:CreateInstanceProfile", () -> iam.createInstanceProfile(r -> r.instanceProfileName(
                            AwsNames.INSTANCE_PROFILE)
                    .tags(Tag.builder().key(AwsNames.TAG).value("true").build())));
        }
        boolean hasRole = profile.isPresent()
                && profile.get().roles().stream().anyMatch(role -> role.roleName().equals(AwsNames.ROLE));
        if (!hasRole) {
            AwsErrors.call("iam:AddRoleToInstanceProfile", () -> iam.addRoleToInstanceProfile(r -> r.instanceProfileName(
                            AwsNames.INSTANCE_PROFILE)
                    .roleName(AwsNames.ROLE)));
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
