package io.cloudist.aws.ec2;

import io.cloudist.core.provision.WorkerHandle;

/**
 * One worker agent on an EC2 instance. Terminating it terminates its instance, and so the other agents on it.
 *
 * @param id {@code <instance-id>-<slot>}, as the agent registers
 * @param instanceId the instance
 * @param slot the agent's slot on the instance
 * @param launched what was launched, for messages (e.g. {@code c7g.xlarge spot in eu-west-1a})
 * @param states the instance states shared by the provisioner's workers
 */
record Ec2Worker(String id, String instanceId, int slot, String launched, InstanceStates states)
        implements WorkerHandle {
    @Override
    public boolean isAlive() {
        return states.isAlive(instanceId);
    }

    @Override
    public void terminate() {
        states.terminate(instanceId);
    }

    @Override
    public String describe() {
        return "EC2 instance " + instanceId + " (" + launched + "), log /var/log/cloudist-worker-" + slot + ".log";
    }
}
