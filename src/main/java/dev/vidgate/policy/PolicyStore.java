package dev.vidgate.policy;

import java.util.List;
import java.util.Optional;

/** Where the policy keeps what must outlive a node: the tenants' levels and the audit of blocks. */
public interface PolicyStore {

    Optional<Level> tenantLevel(String tenantId);

    /** Sets the tenant's level, or clears it ({@code null}: the model's level applies again). */
    void setTenantLevel(String tenantId, Level level);

    /** Stores a block and answers it with its id. */
    Block record(Block block);

    /**
     * Blocks of a tenant (or of all when {@code tenantId} is null) after the one with id {@code afterId} (or from the
     * start), {@code limit} of them, newest first unless ascending.
     */
    List<Block> blocks(String tenantId, String afterId, int limit, boolean ascending);
}
