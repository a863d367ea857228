package dev.vidgate.bench;

import dev.vidgate.testsupport.TestDatabases;
import dev.vidgate.video.jdbc.JdbcJobStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;

/**
 * The plans behind bench/scale.sh's figures (bench/scale.sh explain): fills an in-memory H2 or the embedded PostgreSQL
 * with {@link ScaleData}, prints EXPLAIN of the queries the figures time and the time of a few claims.
 * Usage: ScaleExplain h2|postgres [jobs=100000] [keys=1000]
 */
public final class ScaleExplain {
    public static void main(String[] args) {
        boolean postgres = args.length > 0 && args[0].equals("postgres");
        int jobs = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int keys = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        DataSource ds = postgres ? TestDatabases.freshPostgres() : TestDatabases.freshH2();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        Instant now = Instant.now();
        jdbc.update("INSERT INTO tenants (id, name, created_at) VALUES ('ten_bench_0', 'bench 0', 0)");
        jdbc.update("INSERT INTO api_keys (id, tenant_id, name, secret_hash, secret_hint, max_concurrent, created_at) "
                + "VALUES ('key_bench_0', 'ten_bench_0', 'bench 0', 'hash-0', 'x', 4, 0)");
        long t = System.nanoTime();
        new ScaleData(jdbc, postgres, now).fill(jobs, keys, "key_bench_0", "ten_bench_0");
        System.out.printf("%s: %,d jobs filled in %.1f s%n", postgres ? "PostgreSQL" : "H2", jobs, (System.nanoTime() - t) / 1e9);
        // one connection, as a server's pool lends it, so the claims' times are not those of opening connections
        DataSource one = new SingleConnectionDataSource(connection(ds), true);
        var store = new JdbcJobStore(new JdbcTemplate(one), new TransactionTemplate(new DataSourceTransactionManager(one)));
        double[] ms = new double[2000]; // as many as bench/scale.sh times: past one per key, so keys with running jobs are compared too
        for (int i = 0; i < ms.length; i++) {
            long c = System.nanoTime();
            store.claimNext("explain", now, Duration.ofHours(1), Set.of(ScaleData.ENGINE));
            ms[i] = (System.nanoTime() - c) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("claim: p50 %.2f ms, p99 %.2f ms (%d claims)%n", ms[ms.length / 2], ms[ms.length * 99 / 100], ms.length);
        // after the claims, so the plans are those of a queue with jobs running, as the bench's claims see it
        for (String sql : args.length > 3 ? Arrays.copyOfRange(args, 3, args.length) : new String[0]) explain(jdbc, postgres, sql);

        System.exit(0);
    }

    private static java.sql.Connection connection(DataSource ds) {
        try {
            return ds.getConnection();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void explain(JdbcTemplate jdbc, boolean postgres, String sql) {
        System.out.println("-- " + sql);
        jdbc.query("EXPLAIN ANALYZE " + sql, rs -> {
            System.out.println(rs.getString(1));
        });
        double[] ms = new double[21];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            jdbc.query(sql, rs -> {});
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("-- median %.2f ms over %d runs%n", ms[ms.length / 2], ms.length);
    }
}
