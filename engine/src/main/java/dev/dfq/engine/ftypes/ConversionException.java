package dev.dfq.engine.ftypes;

/** A literal that cannot become a value of the wanted type; the message is Wireshark's. */
public final class ConversionException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConversionException(String message) {
        super(message, null, false, false);
    }
}
