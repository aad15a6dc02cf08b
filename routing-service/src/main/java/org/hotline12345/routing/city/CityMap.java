package org.hotline12345.routing.city;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.hotline12345.contracts.Priority;
import org.hotline12345.referencedata.Category;
import org.hotline12345.referencedata.ExtensionAllowance;
import org.hotline12345.referencedata.GridIndex;
import org.hotline12345.referencedata.City;
import org.hotline12345.referencedata.Unit;
import org.hotline12345.referencedata.UrgencyClass;
import org.springframework.stereotype.Component;

/** The city's units, grids and time zone as routing knows them, from the service's reference data. */
@Component
public class CityMap {

    private final City city;

    CityMap(City city) {
        this.city = city;
    }

    public GridIndex grids() {
        return city.gridIndex();
    }

    public ZoneId zone() {
        return city.zone();
    }

    public List<Unit> units() {
        return city.units();
    }

    public Optional<Unit> unit(String id) {
        return city.unit(id);
    }

    /**
     * The priority the city's folder gives tickets of {@code category} ({@code defaultPriority}); {@code NORMAL} for
     * a category the folder does not know (any more) or gives none.
     */
    public Priority priorityOf(String category) {
        return city.category(category).map(Category::defaultPriority).orElse(Priority.NORMAL);
    }

    /**
     * Whether the centre reviews a unit's return of a ticket of {@code category} (退单审核) before it goes elsewhere,
     * as the city's folder says ({@code returnReview}, true unless it says false, and for a category it no longer
     * knows); otherwise the rules route it again at once.
     */
    public boolean reviewsReturns(String category) {
        return city.category(category).map(Category::returnReview).orElse(true);
    }

    /** The urgency classes of the city's folder. */
    public List<UrgencyClass> urgencyClasses() {
        return city.urgencyClasses();
    }

    /**
     * The code of the urgency class the city's folder gives tickets of {@code category}; {@code null} where it gives
     * none (or no longer knows the category), and the ticket keeps the time limits of its priority.
     */
    public String urgencyClassOf(String category) {
        return city.urgencyClassOf(category).map(UrgencyClass::code).orElse(null);
    }

    /** How much more time a unit takes without the centre's approval (延期), as the city's folder says. */
    public ExtensionAllowance extensionAllowance() {
        return city.extensionAllowance();
    }

    /** A unit's Chinese name, or a grid worker's ({@code GRID:YY-04}); empty for neither. */
    public Optional<String> holderName(String holder) {
        return city.holderName(holder, "zh");
    }
}
