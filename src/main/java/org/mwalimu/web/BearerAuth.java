package org.mwalimu.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Lets a request through only with {@code Authorization: Bearer <token>}; compares in constant time. */
public final class BearerAuth implements Handler<RoutingContext> {

    private static final String PREFIX = "Bearer ";

    private final byte[] expectedDigest;

    public BearerAuth(String token) {
        this.expectedDigest = sha256(token);
    }

    @Override
    public void handle(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        boolean ok = header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                && MessageDigest.isEqual(expectedDigest, sha256(header.substring(PREFIX.length()).trim()));
        if (ok) {
            ctx.next();
        } else {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            HttpErrors.byStatus(ctx, 401);
        }
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
