package batchnorm;

import java.util.Arrays;

/** Smallest, median and largest of a list of measurements. Given by the kit. */
public record Summary(double min, double median, double max) {
    /** The summary of {@code values} (not changed); an even count takes the mean of the two middle values. */
    public static Summary of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("cannot summarize no values");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Summary(sorted[0], median, sorted[sorted.length - 1]);
    }
}
