package dev.bulwark.model.scan.pickle;

/** Bytes handed to a loader callable ({@code pickle.loads(b'...')}) at {@code offset}: a pickle inside a pickle. */
public record NestedPayload(long offset, String loader, byte[] data) {}
