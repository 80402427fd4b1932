package io.cloudist.aws.ec2;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSpotPriceHistoryRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSpotPriceHistoryResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.RunInstancesResponse;
import software.amazon.awssdk.services.ec2.model.TerminateInstancesRequest;
import software.amazon.awssdk.services.ec2.model.TerminateInstancesResponse;

/**
 * An EC2 client that passes every call cloudist makes on to moto, except that RunInstances follows EC2's capacity
 * rules, which moto lacks: it refuses the types and markets it is told to, and launches as many instances as the
 * capacity allows between MinCount and MaxCount (moto always launches MinCount). Counts calls.
 */
final class FaultyEc2 implements Ec2Client {
    private final Ec2Client moto;
    private final Map<String, String> refusals = new HashMap<>();
    private final Map<String, Integer> capacity = new HashMap<>();
    private final Map<String, Integer> calls = new HashMap<>();
    private final List<RunInstancesRequest> runs = new ArrayList<>();

    FaultyEc2(Ec2Client moto) {
        this.moto = moto;
    }

    /** Makes RunInstances of {@code type} in {@code market} ("spot" or "on-demand") fail with {@code code}. */
    FaultyEc2 refuse(String type, String market, String code) {
        refusals.put(type + " " + market, code);
        return this;
    }

    /** Lets one RunInstances of {@code type} launch at most {@code instances}. */
    FaultyEc2 capacity(String type, int instances) {
        capacity.put(type, instances);
        return this;
    }

    synchronized int calls(String operation) {
        return calls.getOrDefault(operation, 0);
    }

    synchronized List<RunInstancesRequest> runs() {
        return List.copyOf(runs);
    }

    @Override
    public RunInstancesResponse runInstances(RunInstancesRequest request) {
        count("RunInstances");
        synchronized (this) {
            runs.add(request);
        }
        String market = request.instanceMarketOptions() == null ? "on-demand" : "spot";
        String code = refusals.get(request.instanceTypeAsString() + " " + market);
        int granted = Math.min(request.maxCount(), capacity.getOrDefault(request.instanceTypeAsString(), 1000));
        if (code == null && granted < request.minCount()) {
            code = "InsufficientInstanceCapacity";
        }
        if (code != null) {
            throw (Ec2Exception) Ec2Exception.builder()
                    .message("We currently do not have sufficient capacity (" + code + ")")
                    .statusCode(400)
                    .awsErrorDetails(AwsErrorDetails.builder()
                            .errorCode(code)
                            .errorMessage("refused")
                            .build())
                    .build();
        }
        return moto.runInstances(
                request.toBuilder().minCount(granted).maxCount(granted).build());
    }

    @Override
    public DescribeInstancesResponse describeInstances(DescribeInstancesRequest request) {
        count("DescribeInstances");
        return moto.describeInstances(request);
    }

    @Override
    public TerminateInstancesResponse terminateInstances(TerminateInstancesRequest request) {
        count("TerminateInstances");
        return moto.terminateInstances(request);
    }

    @Override
    public DescribeInstanceTypesResponse describeInstanceTypes(DescribeInstanceTypesRequest request) {
        return moto.describeInstanceTypes(request);
    }

    @Override
    public DescribeSpotPriceHistoryResponse describeSpotPriceHistory(DescribeSpotPriceHistoryRequest request) {
        return moto.describeSpotPriceHistory(request);
    }

    @Override
    public DescribeImagesResponse describeImages(DescribeImagesRequest request) {
        return moto.describeImages(request);
    }

    @Override
    public String serviceName() {
        return moto.serviceName();
    }

    @Override
    public void close() {
        moto.close();
    }

    private synchronized void count(String operation) {
        calls.merge(operation, 1, Integer::sum);
    }
}
