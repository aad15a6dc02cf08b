package org.hotline12345.loadtest;

import java.util.List;
import java.util.SplittableRandom;
import org.hotline12345.referencedata.Grid;
import org.hotline12345.referencedata.GridIndex;
import org.hotline12345.referencedata.LabelledComplaint;
import org.hotline12345.referencedata.City;
import tools.jackson.databind.json.JsonMapper;

/**
 * Operator calls as a city makes them: the complaints of the labelled corpus with their categories, callers from a
 * large pool of mobile numbers (so some call twice), and points inside the city's grids. Or, for a fixed mix, every
 * call from a number of its own at a place of its own ({@link #distinctCallers}), so that none is a repeat and none
 * joins another's incident however many are made: the places are the cells of a 250 m lattice over a 120 km square
 * around the city's grids (230,400 cells: the calls of several minutes at hundreds a second), each used once, in an
 * order that scatters them; those outside the grids go where the rules send a ticket with no grid. The share that
 * lies in a grid is the same at every rate and in every run.
 */
final class Calls {

    private static final String[] SURNAMES = {"张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴"};
    /** Distinct callers' numbers are {@code 15} and nine digits, apart from the random pool's {@code 135}–{@code 139}. */
    static final long DISTINCT_NUMBERS = 1_000_000_000L;

    private final List<LabelledComplaint> complaints;
    private final List<Grid> grids;
    private final GridIndex index;
    private final JsonMapper json = JsonMapper.builder().build();
    private final SplittableRandom random;
    /** The next distinct caller's number, or -1 when callers come from the random pool. */
    private long nextCaller;
    /** Lattice cells a side, and the cell's size in degrees (250 m north to south; east to west at the city). */
    static final int LATTICE_SIDE = 480;
    private static final double CELL_LAT = 250 / 111_320.0;
    private final double cellLon;
    private final double centreLat;
    private final double centreLon;

    Calls(long seed) {
        this(seed, -1);
    }

    private Calls(long seed, long firstCaller) {
        City city = City.sample();
        this.complaints = city.complaintCorpus().stream().filter(c -> c.text().codePoints()
                .anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)).toList();
        this.grids = city.grids();
        this.index = GridIndex.of(grids);
        this.random = new SplittableRandom(seed);
        this.nextCaller = firstCaller;
        this.centreLat = grids.stream().flatMap(g -> g.ring().stream()).mapToDouble(p -> p[1]).average().orElseThrow();
        this.centreLon = grids.stream().flatMap(g -> g.ring().stream()).mapToDouble(p -> p[0]).average().orElseThrow();
        this.cellLon = CELL_LAT / Math.cos(Math.toRadians(centreLat));
    }

    /**
     * Calls each from a number no other call of these has: the {@code firstCaller}-th of the distinct numbers, then
     * the ones after it (wrapping round).
     */
    static Calls distinctCallers(long seed, long firstCaller) {
        return new Calls(seed, Math.floorMod(firstCaller, DISTINCT_NUMBERS));
    }

    /** The mobile number of the {@code n}-th distinct caller. */
    static String distinctNumber(long n) {
        return "15" + String.format("%09d", Math.floorMod(n, DISTINCT_NUMBERS));
    }

    /** The JSON body of the next call. */
    synchronized String next() {
        LabelledComplaint complaint = complaints.get(random.nextInt(complaints.size()));
        double[] point;
        String phone;
        if (nextCaller < 0) {
            point = pointIn(grids.get(random.nextInt(grids.size())));
            phone = "13" + (5 + random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000));
        } else {
            point = latticeCell(nextCaller);
            phone = distinctNumber(nextCaller);
            nextCaller = (nextCaller + 1) % DISTINCT_NUMBERS;
        }
        return json.writeValueAsString(java.util.Map.of(
                "callerPhone", phone,
                "callerName", SURNAMES[random.nextInt(SURNAMES.length)] + "先生",
                "description", complaint.text(),
                "location", java.util.Map.of("lat", point[1], "lon", point[0]),
                "category", complaint.category()));
    }

    /**
     * The centre of the lattice cell of the {@code n}-th distinct call: consecutive calls step through the cells by
     * a stride coprime to their number, so every cell is used once before any is used again, far apart in turn.
     */
    double[] latticeCell(long n) {
        long cells = (long) LATTICE_SIDE * LATTICE_SIDE;
        long cell = Math.floorMod(n * 7_919L, cells);
        double row = cell / LATTICE_SIDE - LATTICE_SIDE / 2.0 + 0.5;
        double column = cell % LATTICE_SIDE - LATTICE_SIDE / 2.0 + 0.5;
        return new double[] {centreLon + column * cellLon, centreLat + row * CELL_LAT};
    }

    /** A point anywhere in a grid, uniformly: drawn in the grid's bounding box until it falls inside. */
    private double[] pointIn(Grid grid) {
        double minLon = grid.ring().stream().mapToDouble(p -> p[0]).min().orElseThrow();
        double maxLon = grid.ring().stream().mapToDouble(p -> p[0]).max().orElseThrow();
        double minLat = grid.ring().stream().mapToDouble(p -> p[1]).min().orElseThrow();
        double maxLat = grid.ring().stream().mapToDouble(p -> p[1]).max().orElseThrow();
        while (true) {
            double lon = minLon + random.nextDouble() * (maxLon - minLon);
            double lat = minLat + random.nextDouble() * (maxLat - minLat);
            if (index.locate(lat, lon).filter(found -> found.id().equals(grid.id())).isPresent()) {
                return new double[] {lon, lat};
            }
        }
    }
}
