//! What a new password must be, wherever it is set (the administrator's user form, the
//! command line, "my account"): at least 12 characters, at most 1024, and not easily
//! guessed. Guessability is zxcvbn's estimate (Dropbox's, as a maintained crate): it
//! knows some 30 000 common passwords, names, dates, keyboard runs and l33t spellings,
//! and the account's own e-mail and name are added to what it tries. A score below 3
//! ("safely unguessable" only from 3) is refused.

pub use super::model::MIN_PASSWORD_LENGTH;
use crate::kernel::error::Problem;

pub const MAX_PASSWORD_BYTES: usize = 1024;

/// The lowest zxcvbn score accepted (0–4).
const MIN_SCORE: u8 = 3;

/// The problem with a new password, if any. `hints`: the account's e-mail, name and
/// organisation, which the estimate treats as known to an attacker.
pub fn new_password_problem(password: &str, hints: &[&str]) -> Option<Problem> {
    if password.chars().count() < MIN_PASSWORD_LENGTH {
        return Some(Problem::TooShort);
    }
    if password.len() > MAX_PASSWORD_BYTES {
        return Some(Problem::TooLong);
    }
    let mut known: Vec<&str> = vec!["anello", "rete", "antitratta", "password"];
    for hint in hints {
        known.extend(
            hint.split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.len() > 2),
        );
    }
    let estimate = zxcvbn::zxcvbn(password, &known);
    (u8::from(estimate.score()) < MIN_SCORE).then_some(Problem::CommonPassword)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_common_and_personal_passwords_are_refused() {
        assert_eq!(new_password_problem("corto", &[]), Some(Problem::TooShort));
        assert_eq!(
            new_password_problem(&"x".repeat(2000), &[]),
            Some(Problem::TooLong)
        );
        for common in [
            "password1234",
            "qwertyuiop123",
            "123456789012",
            "iloveyou2024",
        ] {
            assert_eq!(
                new_password_problem(common, &[]),
                Some(Problem::CommonPassword),
                "{common}"
            );
        }
        // Her own name, twice, does not make a password.
        assert_eq!(
            new_password_problem(
                "ColomboColombo1",
                &["sara.colombo@rete.example", "Sara Colombo"]
            ),
            Some(Problem::CommonPassword)
        );
    }

    #[test]
    fn a_phrase_of_unusual_words_is_accepted() {
        for good in [
            "una frase lunga e segreta",
            "una password lunga abbastanza",
            "Seggiola-verde-di-Bra-44",
        ] {
            assert_eq!(
                new_password_problem(good, &["operatrice@anello.test"]),
                None,
                "{good}"
            );
        }
    }
}
