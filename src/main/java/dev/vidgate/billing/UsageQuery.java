package dev.vidgate.billing;

import java.time.LocalDate;

/** Usage of completed jobs between two UTC days, both included; null tenant or key means all. */
public record UsageQuery(String tenantId, String keyId, LocalDate from, LocalDate to) {}
