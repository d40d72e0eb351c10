package io.lumbar.indexing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Passage vectors as MariaDB stores them: float32 values, little-endian, one after another. */
public final class VectorBytes {
  private VectorBytes() {}

  public static byte[] encode(float[] vector) {
    ByteBuffer bytes =
        ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(vector);
    return bytes.array();
  }

  public static float[] decode(byte[] bytes) {
    if (bytes.length % Float.BYTES != 0) {
      throw new IllegalArgumentException(
          "A vector of " + bytes.length + " bytes is not whole float32 values");
    }
    float[] vector = new float[bytes.length / Float.BYTES];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
    return vector;
  }
}
