package org.hotline12345.referencedata;

import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Finds the grid that contains a point. An STR-tree over the grid envelopes narrows the candidates to the few
 * whose bounding boxes hold the point; a prepared polygon then answers the exact containment test, so a city of
 * thousands of grids costs microseconds per look-up.
 */
public final class GridIndex {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private final STRtree tree = new STRtree();
    private final List<Grid> grids;

    private GridIndex(List<Grid> grids) {
        this.grids = List.copyOf(grids);
        for (Grid grid : grids) {
            Polygon polygon = GEOMETRY.createPolygon(grid.ring().stream()
                    .map(p -> new Coordinate(p[0], p[1])).toArray(Coordinate[]::new));
            tree.insert(polygon.getEnvelopeInternal(), new Entry(grid, PreparedGeometryFactory.prepare(polygon)));
        }
        tree.build();
    }

    public static GridIndex of(List<Grid> grids) {
        return new GridIndex(grids);
    }

    /** The grid that contains the point, if any; a point on a shared edge belongs to one of its grids. */
    public Optional<Grid> locate(double lat, double lon) {
        Point point = GEOMETRY.createPoint(new Coordinate(lon, lat));
        @SuppressWarnings("unchecked")
        List<Entry> candidates = tree.query(new Envelope(lon, lon, lat, lat));
        return candidates.stream()
                .filter(entry -> entry.polygon().covers(point))
                .map(Entry::grid)
                .sorted(java.util.Comparator.comparing(Grid::id))
                .findFirst();
    }

    public Optional<Grid> byId(String id) {
        return grids.stream().filter(g -> g.id().equals(id)).findFirst();
    }

    public List<Grid> all() {
        return grids;
    }

    private record Entry(Grid grid, PreparedGeometry polygon) {
    }
}
