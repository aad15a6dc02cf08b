package org.hotline12345.loadtest;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.hotline12345.referencedata.Grid;
import org.hotline12345.referencedata.LabelledComplaint;
import org.hotline12345.referencedata.City;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Operator calls for a fixed mix: the complaints of the labelled corpus with their categories, every call from a
 * number of its own at a place of its own, so that none is a repeat and none joins another's incident however many
 * are made. The places are the cells of a 250 m lattice over a 120 km square around the city's grids (230,400
 * cells: the calls of several minutes at hundreds a second), each used once, in an order that scatters them; those
 * outside the grids go where the rules send a ticket with no grid. The share that lies in a grid is the same at every
 * rate and in every run.
 */
final class Calls {

    private static final String[] SURNAMES = {"张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴"};
    /** Distinct callers' numbers are spread over the clock this many a second, so later runs use fresh ones. */
    private static final long CALLERS_PER_SECOND = 1_000;
    private static final Logger log = LoggerFactory.getLogger(Calls.class);
    /** Distinct callers' numbers are {@code 15} and nine digits. */
    static final long DISTINCT_NUMBERS = 1_000_000_000L;

    private final List<LabelledComplaint> complaints;
    private final JsonMapper json = JsonMapper.builder().build();
    private final SplittableRandom random;
    /** The next distinct caller's number. */
    private long nextCaller;
    /** Lattice cells a side, and the cell's size in degrees (250 m north to south; east to west at the city). */
    static final int LATTICE_SIDE = 480;
    private static final double CELL_LAT = 250 / 111_320.0;
    private final double cellLon;
    private final double centreLat;
    private final double centreLon;

    private Calls(long seed, long firstCaller) {
        City city = City.sample();
        this.complaints = city.complaintCorpus().stream().filter(c -> c.text().codePoints()
                .anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)).toList();
        List<Grid> grids = city.grids();
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

    /**
     * The fixed mix the load test measures with: distinct callers ({@link #distinctCallers}) from a seed and a first
     * number taken from the clock, so that a later invocation's callers are fresh.
     */
    static Calls fixedMix() {
        long seed = System.currentTimeMillis();
        log.info("Calls drawn from seed {}, each from a number and a place of its own", seed);
        return distinctCallers(seed, Instant.now().getEpochSecond() * CALLERS_PER_SECOND);
    }

    /** The mobile number of the {@code n}-th distinct caller. */
    static String distinctNumber(long n) {
        return "15" + String.format("%09d", Math.floorMod(n, DISTINCT_NUMBERS));
    }

    /** The JSON body of the next call. */
    synchronized String next() {
        LabelledComplaint complaint = complaints.get(random.nextInt(complaints.size()));
        double[] point = latticeCell(nextCaller);
        String phone = distinctNumber(nextCaller);
        nextCaller = (nextCaller + 1) % DISTINCT_NUMBERS;
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
}
