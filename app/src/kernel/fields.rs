//! Form text, read in one place: closed lists of codes, ids, free text, search boxes.
//! The same bad input gets the same field problem on every page.

use crate::kernel::error::{AppError, Problem, Validation};

/// Declares a closed list of codes with `ALL`, `code()` and `from_code()`.
macro_rules! code_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, ::serde::Serialize, ::serde::Deserialize)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            pub fn from_code(code: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|value| value.code() == code)
            }

            /// A code read back from the database. One the application does not know
            /// (a row written by a newer version, a hand edit) is logged as an error
            /// with the list's name, never silently taken for `fallback`, which the
            /// page then shows.
            #[cfg(feature = "ssr")]
            pub fn from_stored(code: &str, fallback: $name) -> $name {
                $crate::kernel::fields::stored(stringify!($name), code, Self::from_code, fallback)
            }
        }
    };
}
pub(crate) use code_enum;

/// Free text with runs of spaces collapsed; None when empty; too long is a field error.
pub fn optional_text(
    field: &str,
    value: &str,
    max: usize,
    checks: &mut Validation,
) -> Option<String> {
    let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
    if value.chars().count() > max {
        checks.add(field, Problem::TooLong);
    }
    (!value.is_empty()).then_some(value)
}

/// Like `optional_text`, and empty is a field error.
pub fn required_text(field: &str, value: &str, max: usize, checks: &mut Validation) -> String {
    let value = optional_text(field, value, max, checks);
    if value.is_none() {
        checks.add(field, Problem::Required);
    }
    value.unwrap_or_default()
}

/// Prose of a form (minutes, a closing summary): paragraphs kept, length bounded.
pub fn prose(
    field: &str,
    value: &str,
    max: usize,
    required: bool,
    checks: &mut Validation,
) -> Option<String> {
    let text = value.trim().replace("\r\n", "\n");
    if text.is_empty() {
        if required {
            checks.add(field, Problem::Required);
        }
        return None;
    }
    if text.chars().count() > max {
        checks.add(field, Problem::TooLong);
    }
    Some(text)
}

/// The id of the record a form changes, or None when it adds a new one (the field
/// left empty); anything but a positive number is `UnknownChoice`.
pub fn record_id(field: &str, value: &str, checks: &mut Validation) -> Option<i32> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    match value.parse::<i32>() {
        Ok(id) if id > 0 => Some(id),
        _ => {
            checks.add(field, Problem::UnknownChoice);
            None
        }
    }
}

/// The longest text searched for: past it a database refuses the pattern (SQLite's LIKE
/// stops at 50 000 bytes) and no one types it.
pub const MAX_SEARCH: usize = 200;

/// The words of a search box, spaces collapsed; a longer one is a field error (422).
pub fn search_text(field: &str, value: &str) -> Result<String, AppError> {
    let mut checks = Validation::default();
    let text = optional_text(field, value, MAX_SEARCH, &mut checks).unwrap_or_default();
    checks.finish()?;
    Ok(text)
}

/// A closed-list answer that may be left empty (not known, not asked).
pub fn optional_choice<T>(
    field: &str,
    value: &str,
    parse: fn(&str) -> Option<T>,
    checks: &mut Validation,
) -> Option<T> {
    match value.trim() {
        "" => None,
        code => {
            let parsed = parse(code);
            if parsed.is_none() {
                checks.add(field, Problem::UnknownChoice);
            }
            parsed
        }
    }
}

/// A closed-list answer the form needs: empty is `Required`, an unknown code
/// `UnknownChoice`.
pub fn required_choice<T>(
    field: &str,
    value: &str,
    parse: fn(&str) -> Option<T>,
    checks: &mut Validation,
) -> Option<T> {
    let value = value.trim();
    if value.is_empty() {
        checks.add(field, Problem::Required);
        return None;
    }
    let parsed = parse(value);
    if parsed.is_none() {
        checks.add(field, Problem::UnknownChoice);
    }
    parsed
}

/// A record's id typed into a form or a query: empty is `Required`, anything but a
/// positive number `UnknownChoice` (the same answer as an id that does not exist).
pub fn parse_id(field: &str, value: &str, checks: &mut Validation) -> Option<i32> {
    match value.trim().parse::<i32>() {
        Ok(id) if id > 0 => Some(id),
        _ if value.trim().is_empty() => {
            checks.add(field, Problem::Required);
            None
        }
        _ => {
            checks.add(field, Problem::UnknownChoice);
            None
        }
    }
}

/// A code read back from the database, of the closed list `list`. One the application
/// does not know (a row written by a newer version, a hand edit) is logged as an error,
/// never silently taken for `fallback`, which the page then shows.
#[cfg(feature = "ssr")]
pub fn stored<T>(
    list: &'static str,
    code: &str,
    from_code: fn(&str) -> Option<T>,
    fallback: T,
) -> T {
    from_code(code).unwrap_or_else(|| {
        tracing::error!(list, code, "unknown code stored in the database");
        fallback
    })
}

/// The codes of a stored comma-separated list; unknown ones are left out.
pub fn parse_codes<T: Copy>(joined: &str, from_code: fn(&str) -> Option<T>) -> Vec<T> {
    joined
        .split(',')
        .filter_map(|code| from_code(code.trim()))
        .collect()
}

pub fn join_codes<T: Copy>(values: &[T], code: fn(T) -> &'static str) -> String {
    values
        .iter()
        .map(|v| code(*v))
        .collect::<Vec<_>>()
        .join(",")
}

/// A value made safe for a link's query string (percent-encoding all but the unreserved
/// characters of RFC 3986).
pub fn urlencode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
