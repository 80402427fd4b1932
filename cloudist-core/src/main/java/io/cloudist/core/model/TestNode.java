package io.cloudist.core.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonProperty.Access;
import java.util.Objects;

/**
 * One node of a JUnit Platform test plan as the runner reports it: a container or a test.
 *
 * @param uniqueId the JUnit Platform unique id
 * @param parentId the parent's unique id, empty for an engine root
 * @param displayName the display name
 * @param legacyName the legacy reporting name (what Surefire reports)
 * @param kind whether this node is a test, a container, or both
 * @param className the class of its source ({@code ClassSource} or {@code MethodSource}), empty if none
 * @param methodName the method of its {@code MethodSource}, empty if none
 * @param methodParameters the parameter types of its {@code MethodSource}, empty if none
 * @param displayNameAnnotated whether its class carries Jupiter's {@code @DisplayName} itself (rather than getting
 *     its display name from a {@code DisplayNameGenerator}); left out of documents when false
 */
public record TestNode(
        String uniqueId,
        @JsonInclude(Include.NON_EMPTY) String parentId,
        String displayName,
        @JsonProperty(access = Access.WRITE_ONLY) String legacyName,
        Kind kind,
        @JsonInclude(Include.NON_EMPTY) String className,
        @JsonInclude(Include.NON_EMPTY) String methodName,
        @JsonInclude(Include.NON_EMPTY) String methodParameters,
        @JsonInclude(Include.NON_DEFAULT) boolean displayNameAnnotated) {

    public enum Kind {
        TEST,
        CONTAINER,
        CONTAINER_AND_TEST;

        @JsonIgnore
        public boolean isTest() {
            return this != CONTAINER;
        }
    }

    public TestNode {
        Objects.requireNonNull(uniqueId, "uniqueId");
        parentId = Objects.requireNonNullElse(parentId, "");
        displayName = Objects.requireNonNullElse(displayName, "");
        legacyName = Objects.requireNonNullElse(legacyName, displayName);
        Objects.requireNonNull(kind, "kind");
        className = Objects.requireNonNullElse(className, "");
        methodName = Objects.requireNonNullElse(methodName, "");
        methodParameters = Objects.requireNonNullElse(methodParameters, "");
    }

    /** A node whose display name, if any, was not given by a {@code @DisplayName} on its class. */
    public TestNode(
            String uniqueId,
            String parentId,
            String displayName,
            String legacyName,
            Kind kind,
            String className,
            String methodName,
            String methodParameters) {
        this(uniqueId, parentId, displayName, legacyName, kind, className, methodName, methodParameters, false);
    }

    /** The legacy name as written in a document: left out when it is the display name, as a reader then takes it. */
    @JsonProperty("legacyName")
    @JsonInclude(Include.NON_NULL)
    String legacyNameUnlessDisplayName() {
        return legacyName.equals(displayName) ? null : legacyName;
    }

    @JsonIgnore
    public boolean isRoot() {
        return parentId.isEmpty();
    }

    public boolean hasMethod() {
        return !methodName.isEmpty();
    }
}
