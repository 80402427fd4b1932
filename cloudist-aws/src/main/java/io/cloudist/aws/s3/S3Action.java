package io.cloudist.aws.s3;

/** What the store asked S3 to do, with the IAM action it needs, for error messages. */
enum S3Action {
    GET("read", "s3:GetObject", false),
    HEAD("check", "s3:GetObject", false),
    PUT("write", "s3:PutObject", false),
    LIST("list", "s3:ListBucket", true),
    DELETE("delete", "s3:DeleteObject", false),
    CHECK_BUCKET("open", "s3:ListBucket", true);

    final String verb;
    final String permission;
    final boolean onBucket;

    S3Action(String verb, String permission, boolean onBucket) {
        this.verb = verb;
        this.permission = permission;
        this.onBucket = onBucket;
    }
}
