package dev.vidgate.tenancy;

import dev.vidgate.common.Change;

/** A partial update of a tenant's own settings (its money settings belong to billing). */
public record TenantChanges(Change<Integer> defaultMaxConcurrent, Change<Boolean> disabled) {}
