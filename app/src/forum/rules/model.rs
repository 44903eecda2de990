//! Wire types of the forum's rules page: who reads, posts in and moderates each category.

use serde::{Deserialize, Serialize};

use crate::auth::model::{OrganisationKind, Role};
use crate::forum::model::AccessLevel;
use crate::kernel::bilingual::Bilingual;

/// Who a rule is for: every signed-in member, the members with a role, or the members of
/// a kind of organisation. Stored as `all`, `role:<role>`, `kind:<kind>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Audience {
    Everyone,
    Role(Role),
    Kind(OrganisationKind),
}

impl Audience {
    pub fn code(self) -> String {
        match self {
            Audience::Everyone => "all".to_string(),
            Audience::Role(role) => format!("role:{}", role.code()),
            Audience::Kind(kind) => format!("kind:{}", kind.code()),
        }
    }

    pub fn from_code(code: &str) -> Option<Audience> {
        match code.split_once(':') {
            None if code == "all" => Some(Audience::Everyone),
            Some(("role", role)) => Role::from_code(role).map(Audience::Role),
            Some(("kind", kind)) => OrganisationKind::from_code(kind).map(Audience::Kind),
            _ => None,
        }
    }

    /// Every audience a rule may name, in the order the page offers them.
    pub fn all() -> Vec<Audience> {
        std::iter::once(Audience::Everyone)
            .chain(OrganisationKind::ALL.into_iter().map(Audience::Kind))
            .chain(Role::ALL.into_iter().map(Audience::Role))
            .collect()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleRow {
    pub audience: Audience,
    pub level: AccessLevel,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModeratorRow {
    pub user_id: i32,
    pub name: String,
    pub organisation: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryRules {
    pub code: String,
    pub name: Bilingual,
    pub rules: Vec<RuleRow>,
    pub moderators: Vec<ModeratorRow>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RulesPage {
    pub categories: Vec<CategoryRules>,
    /// Who may be named moderator: active members of the network's bodies, as
    /// (id, "name (organisation)").
    pub candidates: Vec<(i32, String)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn audiences_read_back_from_their_codes() {
        for audience in Audience::all() {
            assert_eq!(Audience::from_code(&audience.code()), Some(audience));
        }
        assert_eq!(Audience::from_code("role:nobody"), None);
        assert_eq!(Audience::from_code("everyone"), None);
        assert_eq!(Audience::all().len(), 1 + 3 + 7);
    }
}
