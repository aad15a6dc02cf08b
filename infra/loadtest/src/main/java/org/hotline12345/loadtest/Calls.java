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
 * large pool of mobile numbers (so some call twice), and points inside the city's grids.
 */
final class Calls {

    private static final String[] SURNAMES = {"张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴"};

    private final List<LabelledComplaint> complaints;
    private final List<Grid> grids;
    private final GridIndex index;
    private final JsonMapper json = JsonMapper.builder().build();
    private final SplittableRandom random;

    Calls(long seed) {
        City city = City.sample();
        this.complaints = city.complaintCorpus().stream().filter(c -> c.text().codePoints()
                .anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)).toList();
        this.grids = city.grids();
        this.index = GridIndex.of(grids);
        this.random = new SplittableRandom(seed);
    }

    /** The JSON body of the next call. */
    synchronized String next() {
        LabelledComplaint complaint = complaints.get(random.nextInt(complaints.size()));
        double[] point = pointIn(grids.get(random.nextInt(grids.size())));
        String phone = "13" + (5 + random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000));
        return json.writeValueAsString(java.util.Map.of(
                "callerPhone", phone,
                "callerName", SURNAMES[random.nextInt(SURNAMES.length)] + "先生",
                "description", complaint.text(),
                "location", java.util.Map.of("lat", point[1], "lon", point[0]),
                "category", complaint.category()));
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
