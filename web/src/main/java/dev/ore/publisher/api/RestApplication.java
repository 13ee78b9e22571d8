package dev.ore.publisher.api;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.Dependent;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * Serves every JAX-RS resource of the web module under {@code /api}. Callers authenticate with a
 * MicroProfile JWT bearer token that names their team ({@code team_id}) and roles ({@code groups}:
 * {@code publisher} for the client API, {@code admin} for {@code /api/admin}).
 *
 * <p>{@code @Dependent} makes the class a CDI bean in this annotated-discovery archive: Payara's
 * MP-JWT extension finds {@code @LoginConfig} only on beans, and without it leaves
 * {@code JsonWebToken} unresolvable (WildFly reads the annotation either way).
 */
@Dependent
@ApplicationPath("api")
@LoginConfig(authMethod = "MP-JWT", realmName = "ore-publisher")
@DeclareRoles({Roles.PUBLISHER, Roles.ADMIN})
@OpenAPIDefinition(
        info = @Info(title = "Ore Publisher API", version = "1",
                description = "Connect social media accounts, schedule content and follow its publication. "
                        + "Every call needs a bearer token (MicroProfile JWT) with the caller's team in "
                        + "claim team_id and its roles in claim groups. Errors are application/problem+json."),
        security = @SecurityRequirement(name = "bearer"),
        components = @Components(securitySchemes = @SecurityScheme(securitySchemeName = "bearer",
                type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")))
public class RestApplication extends Application {
}
