package dev.vidgate.app;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;
/**
 * The connections the dispatcher's claim runs on. PostgreSQL plans a prepared statement again at every execution as
 * long as it judges its generic plan costlier than the plans for the values given; the claim's dozen statements kept
 * their custom plans, and their planning was about a third of each claim (p50/p99 1.87/5.50 ms at 1,000,000 jobs on
 * the embedded PostgreSQL; 1.21/3.89 ms with every connection on generic plans, 1.41/4.93 ms on this pool, one run each
 * of {@code bench/scale.sh}). The claim's statements read
 * and write by index whatever their values, so on PostgreSQL the claim gets a small pool of its own, a copy of the main
 * pool's settings whose connections start with {@code SET plan_cache_mode = force_generic_plan}; the rest of Vidgate
 * keeps PostgreSQL's choice. Other databases share the main pool.
 */
final class ClaimConnections implements AutoCloseable {
    static final String GENERIC_PLANS = "SET plan_cache_mode = force_generic_plan";
    /** The dispatcher claims from one loop per node; a second connection covers a claim while the first is being replaced. */
    private static final int SIZE = 2;

    private final DataSource dataSource;
    private final HikariDataSource own;

    private ClaimConnections(DataSource dataSource, HikariDataSource own) {
        this.dataSource = dataSource;
        this.own = own;
    }

    /** A pool of the claim's own beside {@code main} if it is a PostgreSQL pool; else {@code main} itself. */
    static ClaimConnections beside(DataSource main) {
        if (!(main instanceof HikariDataSource pool) || !JdbcUrls.isPostgres(pool.getJdbcUrl())) return new ClaimConnections(main, null);
        HikariConfig config = new HikariConfig();
        pool.copyStateTo(config);
        config.setPoolName((pool.getPoolName() == null ? "HikariPool" : pool.getPoolName()) + "-claims");
        config.setMaximumPoolSize(SIZE);
        config.setMinimumIdle(SIZE);
        String operators = pool.getConnectionInitSql();
        config.setConnectionInitSql(operators == null || operators.isBlank() ? GENERIC_PLANS : operators + "; " + GENERIC_PLANS);
        HikariDataSource claims = new HikariDataSource(config);
        return new ClaimConnections(claims, claims);
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** Closes the claim's own pool, if it has one; never the main pool. */
    @Override
    public void close() {
        if (own != null) own.close();
    }
}
