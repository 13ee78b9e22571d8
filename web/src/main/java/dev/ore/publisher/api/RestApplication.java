package dev.ore.publisher.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** Serves every JAX-RS resource of the web module under {@code /api}. */
@ApplicationPath("api")
@OpenAPIDefinition(info = @Info(title = "Ore Publisher API", version = "1",
        description = "Connect social media accounts, schedule content and follow its publication."))
public class RestApplication extends Application {
}
