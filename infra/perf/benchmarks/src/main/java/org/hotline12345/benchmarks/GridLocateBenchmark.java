package org.hotline12345.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.hotline12345.referencedata.Grid;
import org.hotline12345.referencedata.GridIndex;
import org.hotline12345.referencedata.City;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long routing takes to place a point in its grid: the sample city's 20 grids, and a city of 5,000 and
 * 20,000 irregular quadrilateral grids (a Beijing-sized grid network), with points spread over the whole city.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GridLocateBenchmark {

    private static final int POINTS = 4_096;

    @Param({"20", "5000", "20000"})
    int grids;

    private GridIndex index;
    private double[][] points;
    private int next;

    @Setup
    public void build() {
        Random random = new Random(12345);
        List<Grid> city = grids == 20 ? City.sample().grids() : syntheticCity(grids, random);
        index = GridIndex.of(city);
        double[] box = bounds(city);
        points = new double[POINTS][];
        for (int i = 0; i < POINTS; i++) {
            points[i] = new double[] {box[1] + random.nextDouble() * (box[3] - box[1]),
                    box[0] + random.nextDouble() * (box[2] - box[0])};
        }
    }

    @Benchmark
    public Object locate() {
        double[] p = points[next++ & (POINTS - 1)];
        return index.locate(p[0], p[1]);
    }

    /** Square cells around Guiyang, their inner corners jittered so no two cells are alike. */
    static List<Grid> syntheticCity(int count, Random random) {
        int columns = (int) Math.ceil(Math.sqrt(count * 2.0));
        int rows = (int) Math.ceil(count / (double) columns);
        double step = 0.002;
        double[][][] corners = new double[rows + 1][columns + 1][];
        for (int r = 0; r <= rows; r++) {
            for (int c = 0; c <= columns; c++) {
                boolean edge = r == 0 || c == 0 || r == rows || c == columns;
                double jitter = edge ? 0 : (random.nextDouble() - 0.5) * step * 0.6;
                corners[r][c] = new double[] {106.5 + c * step + jitter, 26.4 + r * step - jitter};
            }
        }
        List<Grid> grids = new ArrayList<>(count);
        for (int r = 0; r < rows && grids.size() < count; r++) {
            for (int c = 0; c < columns && grids.size() < count; c++) {
                List<double[]> ring = List.of(corners[r][c], corners[r][c + 1], corners[r + 1][c + 1],
                        corners[r + 1][c], corners[r][c]);
                grids.add(new Grid("G-" + r + "-" + c, "grid", "D", "S", "S_OFFICE", ring));
            }
        }
        return grids;
    }

    /** min lon, min lat, max lon, max lat. */
    private static double[] bounds(List<Grid> grids) {
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (Grid grid : grids) {
            for (double[] p : grid.ring()) {
                box[0] = Math.min(box[0], p[0]);
                box[1] = Math.min(box[1], p[1]);
                box[2] = Math.max(box[2], p[0]);
                box[3] = Math.max(box[3], p[1]);
            }
        }
        return box;
    }
}
