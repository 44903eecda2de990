//! Password hashing with argon2id and the OWASP-recommended parameters
//! (19 MiB of memory, 2 iterations, 1 degree of parallelism).

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

/// The password of every demo account. Production refuses to start while an active
/// account still has it, and refuses to set it.
pub const DEMO_PASSWORD: &str = "anello-demo";

fn hasher() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).expect("OWASP argon2 parameters are valid");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

pub fn hash_password(password: &str) -> Result<String, argon2::password_hash::Error> {
    let salt = SaltString::generate(&mut OsRng);
    Ok(hasher()
        .hash_password(password.as_bytes(), &salt)?
        .to_string())
}

/// Checks a password against a stored PHC string. A malformed hash counts as a mismatch.
pub fn verify_password(password: &str, stored_hash: &str) -> bool {
    match PasswordHash::new(stored_hash) {
        Ok(parsed) => hasher()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

/// A hash that matches no password, verified when the e-mail is unknown so that a
/// sign-in for a missing account takes as long as one with a wrong password.
pub fn decoy_hash() -> &'static str {
    use std::sync::OnceLock;
    static DECOY: OnceLock<String> = OnceLock::new();
    DECOY.get_or_init(|| hash_password("decoy password that nobody has").unwrap_or_default())
}

/// At most this many hashes are computed at once: each takes 19 MiB and a core's worth
/// of work, and a burst of sign-ins must not starve the server.
const CONCURRENT_HASHES: usize = 4;

fn hashing_permits() -> &'static tokio::sync::Semaphore {
    static PERMITS: std::sync::OnceLock<tokio::sync::Semaphore> = std::sync::OnceLock::new();
    PERMITS.get_or_init(|| tokio::sync::Semaphore::new(CONCURRENT_HASHES))
}

/// `verify_password` on a blocking thread, so argon2 never stalls the async workers.
pub async fn verify_password_off_thread(password: &str, stored_hash: String) -> bool {
    let Ok(_permit) = hashing_permits().acquire().await else {
        return false;
    };
    let password = password.to_string();
    tokio::task::spawn_blocking(move || verify_password(&password, &stored_hash))
        .await
        .unwrap_or(false)
}

/// `hash_password` on a blocking thread.
pub async fn hash_password_off_thread(
    password: &str,
) -> Result<String, argon2::password_hash::Error> {
    let _permit = hashing_permits()
        .acquire()
        .await
        .map_err(|_| argon2::password_hash::Error::Crypto)?;
    let password = password.to_string();
    tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .map_err(|_| argon2::password_hash::Error::Crypto)?
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_argon2id_with_owasp_parameters() {
        let hash = hash_password("anello-demo").unwrap();
        assert!(
            hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{hash}"
        );
        assert!(verify_password("anello-demo", &hash));
        assert!(!verify_password("anello-demO", &hash));
    }

    #[test]
    fn malformed_hash_never_matches() {
        assert!(!verify_password("anything", "not a phc string"));
        assert!(!verify_password("", ""));
    }

    #[test]
    fn each_hash_has_its_own_salt() {
        assert_ne!(
            hash_password("same").unwrap(),
            hash_password("same").unwrap()
        );
    }
}
