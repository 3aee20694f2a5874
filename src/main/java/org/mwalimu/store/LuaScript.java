package org.mwalimu.store;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.vertx.core.Future;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A Lua script from src/main/resources/lua with lib.lua's shared functions in front, run by its SHA
 * and sent whole only when Redis lacks it.
 */
final class LuaScript {

    private final String source;
    private final String sha;
    private final ScriptOutputType output;

    LuaScript(String name, ScriptOutputType output) {
        try {
            this.source = resource("lib") + "\n" + resource(name);
            this.sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        this.output = output;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = LuaScript.class.getResourceAsStream("/lua/" + name + ".lua")) {
            if (in == null) {
                throw new IllegalStateException("missing script lua/" + name + ".lua");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    <T> Future<T> run(RedisStore store, String[] keys, String... args) {
        return store.<T>call(c -> c.evalsha(sha, output, keys, args))
                .recover(e -> (e instanceof RedisNoScriptException || e.getCause() instanceof RedisNoScriptException)
                        ? store.<T>call(c -> c.eval(source, output, keys, args))
                        : Future.failedFuture(e));
    }
}
