package org.hotline12345.intake.normalise;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hotline12345.referencedata.District;

/**
 * Places an address given without a point in its district and street (街道) by the names it contains: a road or
 * place of a street names both; a district's name alone names the district. The longest name wins, so
 * "中华北路" is not taken for a shorter name inside it.
 */
public final class Gazetteer {

    private final List<Entry> entries = new ArrayList<>();

    public Gazetteer(List<District> districts) {
        for (District district : districts) {
            entries.add(new Entry(district.zh(), district.code(), null));
            entries.add(new Entry(district.en(), district.code(), null));
            for (District.Street street : district.streets()) {
                entries.add(new Entry(street.zh(), district.code(), street.code()));
                entries.add(new Entry(street.en(), district.code(), street.code()));
                street.roads().forEach(road -> entries.add(new Entry(road, district.code(), street.code())));
            }
        }
        entries.sort(Comparator.comparing((Entry e) -> e.name().length()).reversed());
    }

    /** The district and, when the address says, the street; empty when it names no place of the city. */
    public Optional<Place> locate(String address) {
        if (address == null) {
            return Optional.empty();
        }
        String text = address.toLowerCase(Locale.ROOT);
        Optional<Entry> street = entries.stream().filter(e -> e.street() != null)
                .filter(e -> text.contains(e.name().toLowerCase(Locale.ROOT))).findFirst();
        if (street.isPresent()) {
            return Optional.of(new Place(street.get().district(), street.get().street()));
        }
        return entries.stream().filter(e -> e.street() == null)
                .filter(e -> text.contains(e.name().toLowerCase(Locale.ROOT))).findFirst()
                .map(e -> new Place(e.district(), null));
    }

    /** A district code and, when known, a street code. */
    public record Place(String district, String street) {
    }

    private record Entry(String name, String district, String street) {
    }
}
