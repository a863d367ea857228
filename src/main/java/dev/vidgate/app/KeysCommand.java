package dev.vidgate.app;

import dev.vidgate.tenancy.CreatedKey;
import dev.vidgate.tenancy.KeySpec;
import dev.vidgate.tenancy.KeyStore;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * {@code vidgate keys create [--tenant NAME] [--name LABEL] [--max-concurrent N]}: makes an API key
 * in the configured database and prints its secret once. Uses the same configuration as the server.
 */
final class KeysCommand {
    private KeysCommand() {}

    static int run(String[] args) {
        if (args.length < 2 || !args[1].equals("create")) {
            System.err.println("usage: vidgate keys create [--tenant NAME] [--name LABEL] [--max-concurrent N]");
            return 2;
        }
        String tenant = null, name = null;
        Integer maxConcurrent = null;
        for (int i = 2; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                System.err.println("missing value for " + flag);
                return 2;
            }
            String value = args[++i];
            switch (flag) {
                case "--tenant" -> tenant = value;
                case "--name" -> name = value;
                case "--max-concurrent" -> {
                    try {
                        maxConcurrent = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        System.err.println("--max-concurrent takes a whole number, got " + value);
                        return 2;
                    }
                }
                default -> {
                    System.err.println("unknown option " + flag);
                    return 2;
                }
            }
        }
        try (var context = new SpringApplicationBuilder(VidgateApplication.class)
                .web(WebApplicationType.NONE)
                .properties("vidgate.command=keys", "spring.main.banner-mode=off", "logging.level.root=WARN")
                .run()) {
            var props = context.getBean(VidgateProperties.class);
            CreatedKey key = context.getBean(KeyStore.class).create(new KeySpec(tenant, name, null,
                    maxConcurrent != null ? maxConcurrent : props.maxConcurrentPerKey()));
            System.out.println("key id:  " + key.keyId());
            System.out.println("tenant:  " + key.tenantName() + " (" + key.tenantId() + ")");
            System.out.println("secret:  " + key.secret());
            System.out.println("(the secret is shown only now)");
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
    }
}
