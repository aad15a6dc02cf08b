package org.hotline12345.referencedata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GridIndexTest {

    private final GridIndex index = GridIndex.of(City.sample().grids());

    @Test
    void placesAPointInTheGridThatContainsIt() {
        Grid grid = index.locate(26.5785, 106.7135).orElseThrow();

        assertThat(grid.district()).isEqualTo("YUNYAN");
        assertThat(grid.streetOffice()).isEqualTo("ZHONGHUA_N_OFFICE");
        assertThat(grid.id()).isEqualTo("YY-04");
    }

    @Test
    void placesASouthernPointInNanming() {
        assertThat(index.locate(26.555, 106.685).orElseThrow().district()).isEqualTo("NANMING");
    }

    @Test
    void findsNoGridOutsideTheCity() {
        assertThat(index.locate(39.9042, 116.4074)).isEmpty();
        assertThat(index.locate(26.5, 106.71)).isEmpty();
    }

    @Test
    void givesAPointOnASharedEdgeToExactlyOneGridEveryTime() {
        assertThat(index.locate(26.57, 106.70)).isPresent()
                .get().extracting(Grid::id).isEqualTo(index.locate(26.57, 106.70).orElseThrow().id());
    }
}
