package dev.vidgate.billing;

import java.time.LocalDate;

/** Billed usage of one key, one UTC day, one model and resolution: seconds, completed jobs, credits charged. */
public record UsageRow(LocalDate day, String tenantId, String keyId, String model, String resolution, long seconds, long jobs,
                       long credits) {}
