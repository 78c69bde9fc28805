package vn.actionmonth.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The RSA key pair that signs dev tokens. Generated on first use, never committed: the run
 * command keeps it under {@code .devstack/keys}, tests keep one in memory.
 */
public final class DevKeys {

    public static final String ISSUER = "urn:actionmonth:dev";
    /** The audience dev tokens are issued for, and the one the services of a dev stack require. */
    public static final String AUDIENCE = "action-month-api";

    private final KeyPair pair;

    private DevKeys(KeyPair pair) {
        this.pair = pair;
    }

    public static DevKeys generate() {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            return new DevKeys(gen.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loads the pair kept in {@code dir}, generating and saving one the first time. */
    public static DevKeys loadOrCreate(Path dir) throws IOException {
        Path priv = dir.resolve("private.pem");
        Path pub = dir.resolve("public.pem");
        if (Files.exists(priv) && Files.exists(pub)) {
            try {
                KeyFactory kf = KeyFactory.getInstance("RSA");
                PrivateKey privateKey = kf.generatePrivate(new PKCS8EncodedKeySpec(decodePem(Files.readString(priv))));
                PublicKey publicKey = kf.generatePublic(new X509EncodedKeySpec(decodePem(Files.readString(pub))));
                return new DevKeys(new KeyPair(publicKey, privateKey));
            } catch (GeneralSecurityException e) {
                throw new IOException("unreadable dev keys in " + dir, e);
            }
        }
        DevKeys keys = generate();
        Files.createDirectories(dir);
        Files.writeString(priv, pem("PRIVATE KEY", keys.pair.getPrivate().getEncoded()));
        try {
            Files.setPosixFilePermissions(priv, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system; the file stays readable by its owner's defaults.
        }
        Files.writeString(pub, keys.publicKeyPem());
        return keys;
    }

    public PrivateKey privateKey() {
        return pair.getPrivate();
    }

    public String publicKeyPem() {
        return pem("PUBLIC KEY", pair.getPublic().getEncoded());
    }

    /** Writes the public key where a service's {@code JWT_PUBLIC_KEY_LOCATION} can point. */
    public Path writePublicKey(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, publicKeyPem());
        return file;
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static byte[] decodePem(String pem) {
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
