package io.lumbar.accounts;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id password hashes in the PHC string format ({@code
 * $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), with OWASP's recommended minimum cost: 19 MiB of
 * memory, 2 passes, 1 lane, a 16-byte random salt.
 */
final class Passwords {
  static final int MIN_LENGTH = 12;
  static final int MAX_LENGTH = 200;
  private static final Argon2Function ARGON2ID =
      Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID, 19);

  /** Checked against when the user does not exist, so a login takes as long either way. */
  private static final String DUMMY_HASH = hash("not-a-real-password-for-timing");

  private Passwords() {}

  static String hash(String password) {
    return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
  }

  static boolean matches(String password, String storedHash) {
    try {
      return Password.check(password, storedHash)
          .with(Argon2Function.getInstanceFromHash(storedHash));
    } catch (RuntimeException e) {
      // A malformed stored hash never lets anyone in.
      return false;
    }
  }

  /** Spends the same time as a real check, for unknown user names. */
  static void burnTime(String password) {
    matches(password, DUMMY_HASH);
  }

  /** Null when acceptable, else what is wrong, for the person choosing it. */
  static String problemWith(String password) {
    if (password == null || password.length() < MIN_LENGTH) {
      return "A password needs at least " + MIN_LENGTH + " characters";
    }
    if (password.length() > MAX_LENGTH) {
      return "A password has at most " + MAX_LENGTH + " characters";
    }
    return null;
  }
}
