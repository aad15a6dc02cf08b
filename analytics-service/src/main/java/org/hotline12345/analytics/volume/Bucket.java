package org.hotline12345.analytics.volume;

import java.util.Map;

/** One hour of the day ({@code 00} to {@code 23}) or one day, with its tickets by category. */
record Bucket(String bucket, long tickets, Map<String, Long> byCategory) {
}
