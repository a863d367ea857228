package dev.vidgate.app;

import dev.vidgate.app.cli.Cli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts Vidgate: {@code java -jar vidgate.jar} serves the API; {@code java -jar vidgate.jar tenants|keys|credits|prices|usage|ledger|webhooks ...} runs an operator command ({@link Cli}). */
@SpringBootApplication(scanBasePackages = {"dev.vidgate.app", "dev.vidgate.api"})
@ConfigurationPropertiesScan("dev.vidgate.app")
public class VidgateApplication {
    public static void main(String[] args) {
        if (Cli.handles(args)) {
            System.exit(Cli.run(VidgateApplication.class, args, System.out, System.err));
        }
        SpringApplication.run(VidgateApplication.class, args);
    }
}
