package dev.vidgate.billing;

/** What moved a tenant's balance. */
public enum MovementKind {
    /** Credits bought: positive. */
    TOPUP,
    /** An operator's correction, either sign, always with a reason. */
    ADJUSTMENT,
    /** Price x requested seconds taken off when a job is created. */
    HOLD,
    /** At completion: gives back the part of the hold that the delivered seconds did not use. */
    SETTLE,
    /** At failure or cancel: gives back the whole hold. */
    RELEASE;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
