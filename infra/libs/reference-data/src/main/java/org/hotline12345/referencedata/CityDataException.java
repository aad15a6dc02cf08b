package org.hotline12345.referencedata;

/** A city's data cannot be used: every problem found, each naming its file and line. */
public class CityDataException extends RuntimeException {

    public CityDataException(String message) {
        super(message);
    }
}
