package dev.vidgate.tenancy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Hashing key secrets: the stored form every authentication compares against. */
class SecretsTest {
    /** SHA-256 of "abc", from FIPS 180-2 appendix B.1. */
    private static final String SHA_256_OF_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void aHashIsTheHexSha256OfTheSecretAndTheSameEachTime() {
        assertThat(Secrets.hash("abc")).isEqualTo(SHA_256_OF_ABC);
        assertThat(Secrets.hash("abc")).isEqualTo(SHA_256_OF_ABC);
        assertThat(Secrets.hash("abd")).isNotEqualTo(SHA_256_OF_ABC).hasSize(64);
    }

    @Test
    void manyThreadsHashingAtOnceEachGetTheHashOfTheirOwnSecret() throws Exception {
        List<String> secrets = new ArrayList<>();
        for (int i = 0; i < 64; i++) secrets.add(Secrets.newSecret());
        List<String> alone = secrets.stream().map(Secrets::hash).toList();

        List<Future<List<String>>> rounds = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (int t = 0; t < 8; t++) {
                rounds.add(threads.submit(() -> {
                    List<String> hashes = new ArrayList<>();
                    for (int round = 0; round < 200; round++) hashes.addAll(secrets.stream().map(Secrets::hash).toList());
                    return hashes;
                }));
            }
        }
        for (Future<List<String>> round : rounds) {
            List<String> hashes = round.get();
            for (int i = 0; i < hashes.size(); i++) assertThat(hashes.get(i)).isEqualTo(alone.get(i % alone.size()));
        }
        assertThat(Secrets.hash("abc")).as("the shared prototype is untouched").isEqualTo(SHA_256_OF_ABC);
    }

    @Test
    void aProviderWhoseDigestCannotBeClonedStillHashes() {
        java.security.MessageDigest notCloneable = new java.security.MessageDigest("SHA-256") {
            @Override protected void engineUpdate(byte input) { throw new AssertionError("the prototype never digests"); }
            @Override protected void engineUpdate(byte[] input, int offset, int len) { throw new AssertionError("the prototype never digests"); }
            @Override protected byte[] engineDigest() { throw new AssertionError("the prototype never digests"); }
            @Override protected void engineReset() { }
        };
        byte[] digest = Secrets.sha256(notCloneable).digest("abc".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(java.util.HexFormat.of().formatHex(digest)).isEqualTo(SHA_256_OF_ABC);
    }
}
