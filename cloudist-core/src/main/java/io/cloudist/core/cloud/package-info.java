/**
 * What the user configured about the cloud ({@link io.cloudist.core.cloud.CloudSettings}): a value both the store
 * and the provision packages read, so that neither depends on the other for it.
 */
package io.cloudist.core.cloud;
