package org.hotline12345.embedded;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Base64;

/**
 * The RSA key pair that signs the dev stack's demo tokens. Kept as a JWK in a folder so tokens stay valid across
 * restarts; the public half is also written as PEM, which is what the services' resource servers read.
 */
public final class LocalKeys {

    private final RSAKey key;
    private final Path jwkFile;
    private final Path publicKeyPem;

    private LocalKeys(RSAKey key, Path jwkFile, Path publicKeyPem) {
        this.key = key;
        this.jwkFile = jwkFile;
        this.publicKeyPem = publicKeyPem;
    }

    /** Loads the key pair kept in {@code dir}, or makes and keeps a new one. */
    public static LocalKeys inFolder(Path dir) {
        try {
            Files.createDirectories(dir);
            Path jwk = dir.resolve("signing-key.jwk.json");
            RSAKey key = Files.exists(jwk)
                    ? RSAKey.parse(Files.readString(jwk))
                    : new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint(true).generate();
            OwnerOnly.restrict(dir);
            if (!Files.exists(jwk)) {
                Files.writeString(jwk, key.toJSONString());
            }
            // tightened on every start, so that a key file written before this rule is held too
            OwnerOnly.restrict(jwk);
            Path pem = dir.resolve("signing-key.pub.pem");
            Files.writeString(pem, pem(key), StandardCharsets.US_ASCII);
            return new LocalKeys(key, jwk, pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("could not load or make the signing key in " + dir, e);
        }
    }

    public RSAKey key() {
        return key;
    }

    /** The key pair as a JWK file, for an identity provider that signs with it. */
    public Path jwkFile() {
        return jwkFile;
    }

    /** The PEM file of the public key, for {@code spring.security.oauth2.resourceserver.jwt.public-key-location}. */
    public Path publicKeyPem() {
        return publicKeyPem;
    }

    public TokenMinter minter(String issuer) {
        return new TokenMinter(key, issuer);
    }

    private static String pem(RSAKey key) throws JOSEException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.toRSAPublicKey().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }
}
